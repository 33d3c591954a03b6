package io.tandem.command.feedback;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.Urgency;
import io.tandem.support.personaldata.CustomerContact;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a piece of customer feedback for a product (PM, PO, CONTRIBUTOR). {@code customerReference} is a
 * nullable pseudonymous reference, never a name or e-mail address; {@code customer} (nullable, needs the reference)
 * is the customer's contact, which the event carries only sealed with that customer's key.
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
        CustomerContact customer,
        Long expectedVersion) {

    /** Feedback without contact details. */
    public SubmitFeedbackCommand(String feedbackId, String productId, FeedbackChannel channel,
                                 String customerReference, String text, Urgency urgency, Long expectedVersion) {
        this(feedbackId, productId, channel, customerReference, text, urgency, null, expectedVersion);
    }

    @Override
    public String toString() { // keeps the contact out of logs
        return "SubmitFeedbackCommand[feedbackId=" + feedbackId + ", productId=" + productId + ", channel=" + channel
                + ", customerReference=" + customerReference + ", urgency=" + urgency + ", customer="
                + (customer == null ? "none" : "(personal data)") + ", expectedVersion=" + expectedVersion + "]";
    }
}
