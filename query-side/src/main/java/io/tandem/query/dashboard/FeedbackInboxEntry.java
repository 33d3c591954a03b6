package io.tandem.query.dashboard;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.SealedContact;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import java.time.Instant;

/**
 * A piece of feedback in a product's inbox (untriaged, or received in the last 30 days), with the customer's contact
 * still sealed: opening it is the caller's business, for callers allowed to see personal data.
 *
 * @param sealedContact     the contact sealed with the customer's key, null when none was given or the customer was
 *                          forgotten
 * @param customerForgotten whether the customer has been forgotten (personal data erased)
 */
public record FeedbackInboxEntry(String feedbackId, String summary, FeedbackChannel channel, Urgency urgency,
                                 Instant receivedAt, Instant firstTriagedAt, TriageOutcome outcome,
                                 String customerReference, SealedContact sealedContact, boolean customerForgotten) {

    static FeedbackInboxEntry of(FeedbackEntry f) {
        return new FeedbackInboxEntry(f.id(), f.summary(), f.channel(), f.urgency(), f.receivedAt(),
                f.firstTriagedAt(), f.outcome(), f.customerReference(), f.customerContact(), f.customerForgotten());
    }
}
