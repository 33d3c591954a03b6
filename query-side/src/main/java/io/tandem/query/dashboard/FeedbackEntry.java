package io.tandem.query.dashboard;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import java.time.Instant;

/**
 * A piece of feedback as the inbox needs it: a summary of its text, how it came in, when, and when it was first
 * triaged (null while untriaged) with its latest outcome. No customer data.
 */
record FeedbackEntry(String id, String summary, FeedbackChannel channel, Urgency urgency, Instant receivedAt,
                     Instant firstTriagedAt, TriageOutcome outcome) {

    FeedbackEntry triaged(TriageOutcome to, Instant at) {
        return new FeedbackEntry(id, summary, channel, urgency, receivedAt,
                firstTriagedAt == null ? at : firstTriagedAt, to);
    }

    boolean untriaged() {
        return firstTriagedAt == null;
    }
}
