package io.tandem.query.dashboard;

import io.tandem.events.CustomerForgottenEvent;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.query.decisions.DecisionDescriptions;
import java.time.Duration;
import java.time.Instant;

/**
 * How feedback events change a dashboard state. A triage replaces the previous one (feedback may be re-triaged);
 * the first triage's time stays, for the triage latency. Triaged feedback received more than {@link #WINDOW} before
 * the newest event leaves the inbox entries (no window can count it any more); its link stays for demand. When a
 * customer is forgotten, their entries lose even the sealed contact.
 */
final class FeedbackChanges {

    /** The longest window the inbox reports on. */
    static final Duration WINDOW = Duration.ofDays(30);

    private FeedbackChanges() {
    }

    static void apply(DashboardState s, Object payload, Instant at) {
        if (payload instanceof FeedbackReceivedEvent e) {
            s.feedback.removeIf(f -> f.id().equals(e.feedbackId()));
            s.feedback.add(new FeedbackEntry(e.feedbackId(), DecisionDescriptions.summary(e.text()), e.channel(),
                    e.urgency(), at, null, null, e.customerReference(), e.customerContact(), false));
        } else if (payload instanceof FeedbackTriagedEvent e) {
            s.feedback.replaceAll(f -> f.id().equals(e.feedbackId()) ? f.triaged(e.outcome(), at) : f);
            s.feedbackLinks.removeIf(link -> link.feedbackId().equals(e.feedbackId()));
            if (e.outcome() == TriageOutcome.LINKED && e.linkedItemId() != null) {
                s.feedbackLinks.add(new FeedbackLink(e.feedbackId(), e.linkedItemId()));
            }
        } else if (payload instanceof CustomerForgottenEvent e) {
            s.feedback.replaceAll(f -> e.customerReference().equals(f.customerReference()) ? f.forgotten() : f);
        }
    }

    /** Drops triaged feedback that no inbox window reaches any more. */
    static void prune(DashboardState s) {
        Instant horizon = s.updatedAt.minus(WINDOW);
        s.feedback.removeIf(f -> !f.untriaged() && f.receivedAt().isBefore(horizon));
    }
}
