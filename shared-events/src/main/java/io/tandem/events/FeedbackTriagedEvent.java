package io.tandem.events;

import org.axonframework.serialization.Revision;

/**
 * Feedback was triaged: linked to a roadmap or backlog item ({@code linkedItemId}), declined, or marked a duplicate of
 * another feedback item ({@code duplicateOfFeedbackId}). The ids not relevant for the outcome are null;
 * {@code rationale} is always present for DECLINED and optional otherwise.
 */
@Revision("1")
public record FeedbackTriagedEvent(
        String productId,
        String feedbackId,
        TriageOutcome outcome,
        String linkedItemId,
        String duplicateOfFeedbackId,
        String rationale) {}
