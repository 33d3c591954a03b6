package io.tandem.query.dashboard;

import static io.tandem.query.dashboard.Product.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.CustomerForgottenEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.SealedContact;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import org.junit.jupiter.api.Test;

/** What the dashboard state keeps of a customer, before and after the customer is forgotten. */
class CustomerErasureTest {

    private static final SealedContact SEALED = new SealedContact("bm9uY2U=", "c2VhbGVk");

    private static FeedbackEntry entry(Product p, String feedbackId) {
        return p.state.feedback.stream().filter(f -> f.id().equals(feedbackId)).findFirst().orElseThrow();
    }

    @Test
    void keepsTheCustomersContactOnlySealed() {
        Product p = Product.created();
        p.po(new FeedbackReceivedEvent(ID, "f1", FeedbackChannel.EMAIL, "cust-1", "Too slow", Urgency.HIGH, SEALED));

        assertThat(entry(p, "f1").customerContact()).isEqualTo(SEALED);
        assertThat(entry(p, "f1").customerReference()).isEqualTo("cust-1");
        assertThat(entry(p, "f1").customerForgotten()).isFalse();
    }

    @Test
    void forgettingACustomerDropsTheirSealedContactButKeepsTheFeedbackAndItsTriage() {
        Product p = Product.created();
        p.po(new FeedbackReceivedEvent(ID, "f1", FeedbackChannel.EMAIL, "cust-1", "Too slow", Urgency.HIGH, SEALED));
        p.po(new FeedbackReceivedEvent(ID, "f2", FeedbackChannel.SALES_CALL, "cust-2", "Love it", Urgency.LOW, SEALED));
        p.triage("f1", TriageOutcome.DECLINED, null);

        p.po(new CustomerForgottenEvent(ID, "cust-1"));

        FeedbackEntry forgotten = entry(p, "f1");
        assertThat(forgotten.customerContact()).isNull();
        assertThat(forgotten.customerForgotten()).isTrue();
        assertThat(forgotten.summary()).isEqualTo("Too slow");
        assertThat(forgotten.outcome()).isEqualTo(TriageOutcome.DECLINED);
        assertThat(entry(p, "f2").customerContact()).as("another customer's").isEqualTo(SEALED);
    }
}
