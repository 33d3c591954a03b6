package io.tandem.query.decisions;

import static io.tandem.query.decisions.Description.name;
import static io.tandem.query.decisions.Description.quoted;
import static io.tandem.query.decisions.Description.quotedSummary;
import static io.tandem.query.decisions.Description.titled;

import io.tandem.events.CustomerForgottenEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.SyncMeetingHeldEvent;

/**
 * Sentences for feedback, recorded decisions, sync meetings and erasures. A feedback item reads as a summary of its
 * text; the customer reference never appears in the log.
 */
final class RecordDescriptions {

    /** A feedback item's state before its first triage. */
    static final String UNTRIAGED = "UNTRIAGED";

    private RecordDescriptions() {
    }

    /** The description of a feedback or record event, or null when the payload is not one. */
    static Description describe(Object payload, ItemLookup items) {
        if (payload instanceof FeedbackReceivedEvent e) {
            return Description.of(e.feedbackId(), "received " + name(e.urgency()) + " feedback via "
                    + name(e.channel()) + ": " + quotedSummary(e.text()), null, UNTRIAGED, null);
        }
        if (payload instanceof FeedbackTriagedEvent e) {
            return triaged(e, items);
        }
        if (payload instanceof DecisionRecordedEvent e) {
            return Description.of(e.decisionId(), "recorded decision " + quoted(e.title()), null, e.decision(),
                    e.context(), e.relatedItemIds());
        }
        if (payload instanceof SyncMeetingHeldEvent e) {
            String with = e.attendees().isEmpty() ? "" : " with " + String.join(", ", e.attendees());
            return Description.of(e.meetingId(), "held sync meeting " + quoted(e.title()) + with, null, null, null);
        }
        if (payload instanceof CustomerForgottenEvent) {
            return Description.of(null, "erased the personal data of a customer", null, null, null);
        }
        return null;
    }

    private static Description triaged(FeedbackTriagedEvent e, ItemLookup items) {
        String feedback = "feedback " + titled(items, e.feedbackId());
        String phrase = switch (e.outcome()) {
            case LINKED -> "linked " + feedback + " to " + titled(items, e.linkedItemId());
            case DECLINED -> "declined " + feedback;
            case DUPLICATE -> "marked " + feedback + " as a duplicate of feedback "
                    + titled(items, e.duplicateOfFeedbackId());
        };
        return Description.of(e.feedbackId(), phrase, items.state(e.feedbackId()), name(e.outcome()), e.rationale(),
                e.linkedItemId(), e.duplicateOfFeedbackId());
    }
}
