package io.tandem.query.dashboard;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.SealedContact;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import java.time.Instant;

/**
 * A piece of feedback as the inbox needs it: a summary of its text, how it came in, when, and when it was first
 * triaged (null while untriaged) with its latest outcome; the customer's pseudonymous reference and contact details
 * only sealed with the customer's key ({@code customerContact}, dropped when the customer is forgotten, when
 * {@code customerForgotten} is set). Opening the contact is the reader's business, for readers allowed to see personal
 * data.
 */
public record FeedbackEntry(String id, String summary, FeedbackChannel channel, Urgency urgency, Instant receivedAt,
                     Instant firstTriagedAt, TriageOutcome outcome, String customerReference,
                     SealedContact customerContact, boolean customerForgotten) {

    FeedbackEntry triaged(TriageOutcome to, Instant at) {
        return new FeedbackEntry(id, summary, channel, urgency, receivedAt,
                firstTriagedAt == null ? at : firstTriagedAt, to, customerReference, customerContact,
                customerForgotten);
    }

    /** The entry after its customer was forgotten: even the sealed contact goes. */
    FeedbackEntry forgotten() {
        return new FeedbackEntry(id, summary, channel, urgency, receivedAt, firstTriagedAt, outcome,
                customerReference, null, true);
    }

    boolean untriaged() {
        return firstTriagedAt == null;
    }
}
