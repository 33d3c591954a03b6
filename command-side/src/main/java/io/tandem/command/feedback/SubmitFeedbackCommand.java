package io.tandem.command.feedback;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.Urgency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a piece of customer feedback for a product (PM, PO, CONTRIBUTOR). {@code customerReference} is a
 * nullable pseudonymous reference, never a name or e-mail address.
 *
 * <p>{@code expectedVersion} (from {@code If-Match}) must be null: there is no version before creation.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record SubmitFeedbackCommand(
        @TargetAggregateIdentifier String feedbackId,
        String productId,
        FeedbackChannel channel,
        String customerReference,
        String text,
        Urgency urgency,
        Long expectedVersion) {
}
