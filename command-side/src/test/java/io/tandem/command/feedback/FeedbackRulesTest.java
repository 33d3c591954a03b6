package io.tandem.command.feedback;

import static io.tandem.events.FeedbackChannel.EMAIL;
import static io.tandem.events.TriageOutcome.DECLINED;
import static io.tandem.events.TriageOutcome.DUPLICATE;
import static io.tandem.events.TriageOutcome.LINKED;
import static io.tandem.events.Urgency.CRITICAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.command.common.InvalidCommandException;
import io.tandem.events.FeedbackTriagedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeedbackRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"cust-42", "crm:8f3a", "A1_b2"})
    void acceptsPseudonymousCustomerReferences(String reference) {
        assertThat(FeedbackRules.received(submit(reference)).customerReference()).isEqualTo(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "Jane Doe", "", "-leading-dash"})
    void rejectsCustomerReferencesThatCouldBePersonalData(String reference) {
        assertThatThrownBy(() -> FeedbackRules.received(submit(reference)))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void rejectsCustomerReferenceLongerThanAHundredCharacters() {
        assertThatThrownBy(() -> FeedbackRules.received(submit("x".repeat(101))))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void rationaleIsOptionalUnlessDeclined() {
        assertThat(FeedbackRules.triaged("p", triage(LINKED, "r1", null, null)))
                .isEqualTo(new FeedbackTriagedEvent("p", "f1", LINKED, "r1", null, null));
        assertThatThrownBy(() -> FeedbackRules.triaged("p", triage(DECLINED, null, null, null)))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void rejectsLinkedItemWithAnotherOutcome() {
        assertThatThrownBy(() -> FeedbackRules.triaged("p", triage(DECLINED, "r1", null, "no")))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("linkedItemId");
    }

    @Test
    void rejectsDuplicateTargetWithAnotherOutcome() {
        assertThatThrownBy(() -> FeedbackRules.triaged("p", triage(LINKED, "r1", "f2", null)))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("duplicateOfFeedbackId");
    }

    @Test
    void duplicateNamesAnotherFeedbackItem() {
        assertThat(FeedbackRules.triaged("p", triage(DUPLICATE, null, "f2", null)).duplicateOfFeedbackId())
                .isEqualTo("f2");
        assertThatThrownBy(() -> FeedbackRules.triaged("p", triage(DUPLICATE, null, "f1", null)))
                .isInstanceOf(InvalidCommandException.class);
    }

    private static SubmitFeedbackCommand submit(String customerReference) {
        return new SubmitFeedbackCommand("f1", "p", EMAIL, customerReference, "It crashes", CRITICAL, null);
    }

    private static TriageFeedbackCommand triage(io.tandem.events.TriageOutcome outcome, String linked,
                                                String duplicateOf, String rationale) {
        return new TriageFeedbackCommand("f1", outcome, linked, duplicateOf, rationale, null);
    }
}
