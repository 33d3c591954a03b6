package io.tandem.command.feedback;

import static io.tandem.events.FeedbackChannel.INTERVIEW;
import static io.tandem.events.FeedbackChannel.SUPPORT_TICKET;
import static io.tandem.events.Role.CONTRIBUTOR;
import static io.tandem.events.Role.PRODUCT_MANAGER;
import static io.tandem.events.Role.PRODUCT_OWNER;
import static io.tandem.events.Role.VIEWER;
import static io.tandem.events.TriageOutcome.DECLINED;
import static io.tandem.events.TriageOutcome.DUPLICATE;
import static io.tandem.events.TriageOutcome.LINKED;
import static io.tandem.events.Urgency.HIGH;
import static io.tandem.events.Urgency.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.command.common.CommandMetaData;
import io.tandem.command.common.CommandResult;
import io.tandem.command.common.ForbiddenException;
import io.tandem.command.common.InvalidCommandException;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.StaleVersionException;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.support.personaldata.CustomerContact;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of {@link FeedbackItem} and its {@link FeedbackCommandHandler}, one per test.
 *
 * <p>Product P: pat (PM), olivia (PO), sam (PM and PO), carl (CONTRIBUTOR), vera (VIEWER); roadmap r1 live, r2
 * dropped; backlog b1 open, b2 completed; feedback f1 and f2 untriaged. Product Q: quinn (PM), roadmap item rq,
 * feedback fq.
 */
class FeedbackItemTest {

    private static final String P = "product-p";
    private static final String Q = "product-q";
    private static final Map<Role, String> USERS =
            Map.of(PRODUCT_MANAGER, "pat", PRODUCT_OWNER, "olivia", CONTRIBUTOR, "carl", VIEWER, "vera");

    private FeedbackScenario scenario;

    @BeforeEach
    void givenTwoProductsWithFeedback() {
        scenario = new FeedbackScenario()
                .given("ProductPlan", P,
                        new ProductCreatedEvent(P, "Tandem", ""),
                        new RoleGrantedEvent(P, "pat", PRODUCT_MANAGER),
                        new RoleGrantedEvent(P, "olivia", PRODUCT_OWNER),
                        new RoleGrantedEvent(P, "sam", PRODUCT_MANAGER),
                        new RoleGrantedEvent(P, "sam", PRODUCT_OWNER),
                        new RoleGrantedEvent(P, "carl", CONTRIBUTOR),
                        new RoleGrantedEvent(P, "vera", VIEWER),
                        new RoadmapItemPlannedEvent(P, "r1", "Guided setup", null, Horizon.NOW, List.of(), null),
                        new RoadmapItemPlannedEvent(P, "r2", "Old idea", null, Horizon.LATER, List.of(), null),
                        new RoadmapItemDroppedEvent(P, "r2", "no demand", List.of()),
                        new BacklogItemAddedEvent(P, "b1", "Wizard", BacklogItemKind.STORY, "r1", 1),
                        new BacklogItemAddedEvent(P, "b2", "Login fix", BacklogItemKind.BUG, null, 2),
                        new BacklogItemCompletedEvent(P, "b2"))
                .given("ProductPlan", Q,
                        new ProductCreatedEvent(Q, "Other", ""),
                        new RoleGrantedEvent(Q, "quinn", PRODUCT_MANAGER),
                        new RoadmapItemPlannedEvent(Q, "rq", "Theirs", null, Horizon.NOW, List.of(), null))
                .given("FeedbackItem", "f1", received(P, "f1"))
                .given("FeedbackItem", "f2", received(P, "f2"))
                .given("FeedbackItem", "fq", received(Q, "fq"));
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Nested
    class Submission {

        @Test
        void contributorSubmitsFeedback() {
            CommandResult result = scenario.send("carl",
                    new SubmitFeedbackCommand("f9", P, SUPPORT_TICKET, "cust-42", "Setup is hard", HIGH, null));

            assertThat(result).isEqualTo(new CommandResult("f9", 0));
            assertThat(scenario.events("f9")).singleElement().satisfies(event -> {
                assertThat(event.getPayload()).isEqualTo(
                        new FeedbackReceivedEvent(P, "f9", SUPPORT_TICKET, "cust-42", "Setup is hard", HIGH));
                assertAppliedBy(event, "carl", CONTRIBUTOR);
            });
        }

        @Test
        void customersContactIsStoredOnlySealedUnderTheirKey() {
            CustomerContact contact = new CustomerContact("Zoë Example", "zoe@example.org");
            scenario.send("carl", new SubmitFeedbackCommand("f9", P, SUPPORT_TICKET, "cust-42", "Setup is hard", HIGH,
                    contact, null));

            FeedbackReceivedEvent received = (FeedbackReceivedEvent) onlyEvent("f9").getPayload();
            assertThat(received.customerContact()).isNotNull();
            assertThat(received.toString()).doesNotContain("Zoë", "zoe@example.org");
            assertThat(scenario.vault().open(P, "cust-42", received.customerContact())).contains(contact);
        }

        @Test
        void rejectsContactWithoutCustomerReference() {
            assertThatThrownBy(() -> scenario.send("carl", new SubmitFeedbackCommand("f9", P, INTERVIEW, null,
                    "Hello", LOW, new CustomerContact("Zoë", null), null)))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("customerReference");
            assertThat(scenario.events("f9")).isEmpty();
            assertThat(scenario.keys().has(P + "/cust-42")).isFalse();
        }

        @Test
        void rejectsContactWithNeitherNameNorEmail() {
            assertThatThrownBy(() -> scenario.send("carl", new SubmitFeedbackCommand("f9", P, INTERVIEW, "cust-42",
                    "Hello", LOW, new CustomerContact(" ", null), null)))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("name or an email");
            assertThat(scenario.events("f9")).isEmpty();
        }

        @Test
        void viewerCannotStoreAContact() {
            assertThatThrownBy(() -> scenario.send("vera", new SubmitFeedbackCommand("f9", P, INTERVIEW, "cust-42",
                    "Hello", LOW, new CustomerContact("Zoë", null), null))).isInstanceOf(ForbiddenException.class);
            assertThat(scenario.keys().has(P + "/cust-42")).isFalse();
        }

        @Test
        void commandTextKeepsTheContactOutOfLogs() {
            assertThat(new SubmitFeedbackCommand("f9", P, INTERVIEW, "cust-42", "Hello", LOW,
                    new CustomerContact("Zoë Example", "zoe@example.org"), null).toString())
                    .contains("cust-42").doesNotContain("Zoë", "zoe@");
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleButViewerSubmitsFeedback(Role role) {
            SubmitFeedbackCommand submit = submit("f9", "More reports");
            if (role == VIEWER) {
                assertThatThrownBy(() -> scenario.send(USERS.get(role), submit))
                        .isInstanceOf(ForbiddenException.class);
                assertThat(scenario.events("f9")).isEmpty();
            } else {
                scenario.send(USERS.get(role), submit);
                assertThat(scenario.events("f9")).singleElement().satisfies(
                        event -> assertThat(event.getMetaData()).containsEntry(CommandMetaData.ROLE, role.name()));
            }
        }

        @Test
        void personHoldingBothRolesSubmitsAsProductOwner() {
            scenario.send("sam", new SubmitFeedbackCommand("f9", P, INTERVIEW, null, "More reports", LOW, null));

            assertAppliedBy(onlyEvent("f9"), "sam", PRODUCT_OWNER);
        }

        @Test
        void nonMemberSeesProductAsNotFound() {
            assertThatThrownBy(() -> scenario.send("quinn", submit("f9", "Hello")))
                    .isInstanceOf(NotFoundException.class);
            assertThat(scenario.events("f9")).isEmpty();
        }

        @Test
        void unknownProductIsNotFound() {
            assertThatThrownBy(() -> scenario.send("pat",
                    new SubmitFeedbackCommand("f9", "nope", INTERVIEW, null, "Hello", LOW, null)))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void rejectsFeedbackWithoutText() {
            assertThatThrownBy(() -> scenario.send("carl", submit("f9", " ")))
                    .isInstanceOf(InvalidCommandException.class);
        }

        @Test
        void rejectsFeedbackWithoutChannel() {
            assertThatThrownBy(() -> scenario.send("carl",
                    new SubmitFeedbackCommand("f9", P, null, null, "Hello", LOW, null)))
                    .isInstanceOf(InvalidCommandException.class);
        }

        @Test
        void rejectsFeedbackWithoutUrgency() {
            assertThatThrownBy(() -> scenario.send("carl",
                    new SubmitFeedbackCommand("f9", P, INTERVIEW, null, "Hello", null, null)))
                    .isInstanceOf(InvalidCommandException.class);
        }

        @Test
        void rejectsAnEmailAddressAsCustomerReference() {
            assertThatThrownBy(() -> scenario.send("carl",
                    new SubmitFeedbackCommand("f9", P, INTERVIEW, "jane@example.com", "Hello", LOW, null)))
                    .isInstanceOf(InvalidCommandException.class);
        }

        @Test
        void rejectsANameAsCustomerReference() {
            assertThatThrownBy(() -> scenario.send("carl",
                    new SubmitFeedbackCommand("f9", P, INTERVIEW, "Jane Doe", "Hello", LOW, null)))
                    .isInstanceOf(InvalidCommandException.class);
        }

        @Test
        void rejectsFeedbackIdInUse() {
            assertThatThrownBy(() -> scenario.send("carl", submit("f1", "Again")))
                    .isInstanceOf(RuleViolationException.class);
            assertThat(scenario.events("f1")).hasSize(1);
        }

        @Test
        void rejectsExpectedVersionForFeedbackThatDoesNotExistYet() {
            assertThatThrownBy(() -> scenario.send("carl",
                    new SubmitFeedbackCommand("f9", P, INTERVIEW, null, "Hello", LOW, 0L)))
                    .isInstanceOf(StaleVersionException.class);
        }
    }

    @Nested
    class Triage {

        @Test
        void productOwnerLinksFeedbackToALiveRoadmapItem() {
            CommandResult result = scenario.send("olivia", triage("f1", LINKED, "r1", null, null));

            assertThat(result).isEqualTo(new CommandResult("f1", 1));
            DomainEventMessage<?> event = scenario.events("f1").get(1);
            assertThat(event.getPayload()).isEqualTo(new FeedbackTriagedEvent(P, "f1", LINKED, "r1", null, null));
            assertAppliedBy(event, "olivia", PRODUCT_OWNER);
        }

        @Test
        void productManagerLinksFeedbackToAnOpenBacklogItem() {
            scenario.send("pat", triage("f1", LINKED, "b1", null, "fits the wizard"));

            assertThat(lastEvent("f1").getPayload())
                    .isEqualTo(new FeedbackTriagedEvent(P, "f1", LINKED, "b1", null, "fits the wizard"));
            assertAppliedBy(lastEvent("f1"), "pat", PRODUCT_MANAGER);
        }

        @Test
        void rejectsLinkToADroppedRoadmapItem() {
            assertRejected("olivia", triage("f1", LINKED, "r2", null, null), RuleViolationException.class);
        }

        @Test
        void rejectsLinkToACompletedBacklogItem() {
            assertRejected("olivia", triage("f1", LINKED, "b2", null, null), RuleViolationException.class);
        }

        @Test
        void rejectsLinkToAnUnknownItem() {
            assertRejected("olivia", triage("f1", LINKED, "x404", null, null), NotFoundException.class);
        }

        @Test
        void rejectsLinkToAnItemOfAnotherProduct() {
            assertRejected("olivia", triage("f1", LINKED, "rq", null, null), NotFoundException.class);
        }

        @Test
        void rejectsLinkWithoutItem() {
            assertRejected("olivia", triage("f1", LINKED, null, null, null), InvalidCommandException.class);
        }

        @Test
        void rejectsLinkThatAlsoNamesADuplicate() {
            assertRejected("olivia", triage("f1", LINKED, "r1", "f2", null), InvalidCommandException.class);
        }

        @Test
        void productManagerMarksFeedbackAsDuplicate() {
            scenario.send("pat", triage("f1", DUPLICATE, null, "f2", null));

            assertThat(lastEvent("f1").getPayload())
                    .isEqualTo(new FeedbackTriagedEvent(P, "f1", DUPLICATE, null, "f2", null));
        }

        @Test
        void rejectsFeedbackAsDuplicateOfItself() {
            assertRejected("olivia", triage("f1", DUPLICATE, null, "f1", null), InvalidCommandException.class);
        }

        @Test
        void rejectsDuplicateOfUnknownFeedback() {
            assertRejected("olivia", triage("f1", DUPLICATE, null, "f404", null), NotFoundException.class);
        }

        @Test
        void rejectsDuplicateOfFeedbackOfAnotherProduct() {
            assertRejected("olivia", triage("f1", DUPLICATE, null, "fq", null), NotFoundException.class);
        }

        @Test
        void rejectsDuplicateWithoutOriginal() {
            assertRejected("olivia", triage("f1", DUPLICATE, null, null, null), InvalidCommandException.class);
        }

        @Test
        void rejectsTwoFeedbackItemsMarkedDuplicatesOfEachOther() {
            scenario.given("FeedbackItem", "f2", new FeedbackTriagedEvent(P, "f2", DUPLICATE, null, "f1", null));

            assertRejected("olivia", triage("f1", DUPLICATE, null, "f2", null), RuleViolationException.class);
        }

        @Test
        void productOwnerDeclinesFeedbackWithRationale() {
            scenario.send("olivia", triage("f1", DECLINED, null, null, "out of scope"));

            assertThat(lastEvent("f1").getPayload())
                    .isEqualTo(new FeedbackTriagedEvent(P, "f1", DECLINED, null, null, "out of scope"));
        }

        @Test
        void rejectsDeclineWithoutRationale() {
            assertRejected("olivia", triage("f1", DECLINED, null, null, " "), InvalidCommandException.class);
        }

        @Test
        void rejectsTriageWithoutOutcome() {
            assertRejected("olivia", triage("f1", null, null, null, null), InvalidCommandException.class);
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void onlyProductManagerAndProductOwnerTriage(Role role) {
            TriageFeedbackCommand decline = triage("f1", DECLINED, null, null, "not now");
            if (role == PRODUCT_MANAGER || role == PRODUCT_OWNER) {
                scenario.send(USERS.get(role), decline);
                assertThat(lastEvent("f1").getMetaData()).containsEntry(CommandMetaData.ROLE, role.name());
            } else {
                assertRejected(USERS.get(role), decline, ForbiddenException.class);
            }
        }

        @Test
        void personHoldingBothRolesTriagesAsProductOwner() {
            scenario.send("sam", triage("f1", LINKED, "r1", null, null));

            assertAppliedBy(lastEvent("f1"), "sam", PRODUCT_OWNER);
        }

        @Test
        void nonMemberSeesFeedbackAsNotFound() {
            assertRejected("quinn", triage("f1", DECLINED, null, null, "mine"), NotFoundException.class);
        }

        @Test
        void unknownFeedbackIsNotFound() {
            assertThatThrownBy(() -> scenario.send("olivia", triage("f404", DECLINED, null, null, "why")))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void rejectsTriageDecidedOnAStaleVersion() {
            scenario.given("FeedbackItem", "f1", new FeedbackTriagedEvent(P, "f1", DECLINED, null, null, "no"));

            assertRejected("olivia", triage("f1", LINKED, "r1", null, null, 0L), StaleVersionException.class);
        }

        @Test
        void acceptsTriageDecidedOnTheCurrentVersion() {
            assertThat(scenario.send("olivia", triage("f1", LINKED, "r1", null, null, 0L)))
                    .isEqualTo(new CommandResult("f1", 1));
        }

        @Test
        void repeatingTheSameTriageChangesNothing() {
            scenario.given("FeedbackItem", "f1", new FeedbackTriagedEvent(P, "f1", LINKED, "r1", null, null));

            assertThat(scenario.send("olivia", triage("f1", LINKED, "r1", null, null)))
                    .isEqualTo(new CommandResult("f1", 1));
            assertThat(scenario.events("f1")).hasSize(2);
        }

        @Test
        void feedbackMayBeTriagedAgainWithAnotherOutcome() {
            scenario.given("FeedbackItem", "f1", new FeedbackTriagedEvent(P, "f1", LINKED, "r1", null, null));

            assertThat(scenario.send("olivia", triage("f1", DECLINED, null, null, "r1 covers it poorly")))
                    .isEqualTo(new CommandResult("f1", 2));
        }
    }

    private void assertRejected(String actor, Object command, Class<? extends Exception> expected) {
        int before = scenario.events("f1").size();
        assertThatThrownBy(() -> scenario.send(actor, command)).isInstanceOf(expected);
        assertThat(scenario.events("f1")).hasSize(before);
    }

    private static void assertAppliedBy(DomainEventMessage<?> event, String actor, Role role) {
        assertThat(event.getMetaData()).containsAllEntriesOf(CommandMetaData.eventMetaData(actor, role));
    }

    private DomainEventMessage<?> onlyEvent(String feedbackId) {
        assertThat(scenario.events(feedbackId)).hasSize(1);
        return scenario.events(feedbackId).get(0);
    }

    private DomainEventMessage<?> lastEvent(String feedbackId) {
        List<? extends DomainEventMessage<?>> events = scenario.events(feedbackId);
        return events.get(events.size() - 1);
    }

    private static FeedbackReceivedEvent received(String productId, String feedbackId) {
        return new FeedbackReceivedEvent(productId, feedbackId, SUPPORT_TICKET, null, "Something", LOW);
    }

    private static SubmitFeedbackCommand submit(String feedbackId, String text) {
        return new SubmitFeedbackCommand(feedbackId, P, INTERVIEW, null, text, LOW, null);
    }

    private static TriageFeedbackCommand triage(String feedbackId, io.tandem.events.TriageOutcome outcome,
                                                String linkedItemId, String duplicateOf, String rationale) {
        return triage(feedbackId, outcome, linkedItemId, duplicateOf, rationale, null);
    }

    private static TriageFeedbackCommand triage(String feedbackId, io.tandem.events.TriageOutcome outcome,
                                                String linkedItemId, String duplicateOf, String rationale,
                                                Long expectedVersion) {
        return new TriageFeedbackCommand(feedbackId, outcome, linkedItemId, duplicateOf, rationale, expectedVersion);
    }
}
