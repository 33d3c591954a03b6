package io.tandem.command.web;

import io.tandem.events.TriageOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/products/{productId}/feedback/{feedbackId}/triage}: LINKED needs {@code linkedItemId},
 * DUPLICATE needs {@code duplicateOfFeedbackId}, DECLINED needs a {@code rationale}.
 */
record TriageFeedbackRequest(
        @NotNull TriageOutcome outcome,
        @Size(min = 1, max = Limits.ID) String linkedItemId,
        @Size(min = 1, max = Limits.ID) String duplicateOfFeedbackId,
        @Size(max = Limits.TEXT) String rationale) {
}
