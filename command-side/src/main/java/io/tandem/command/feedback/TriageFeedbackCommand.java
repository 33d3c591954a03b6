package io.tandem.command.feedback;

import io.tandem.events.TriageOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Triage a piece of feedback (PM, PO): LINKED needs {@code linkedItemId} (a live roadmap item or an open
 * backlog item), DUPLICATE needs {@code duplicateOfFeedbackId}, DECLINED needs a rationale.
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record TriageFeedbackCommand(
        @TargetAggregateIdentifier String feedbackId,
        TriageOutcome outcome,
        String linkedItemId,
        String duplicateOfFeedbackId,
        String rationale,
        Long expectedVersion) {
}
