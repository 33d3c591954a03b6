package io.tandem.events;

import org.axonframework.serialization.Revision;

/**
 * Customer feedback was received. {@code customerReference} is a nullable pseudonymous reference to the customer,
 * never a name or e-mail address; the customer's contact details, when given, travel only as {@code customerContact},
 * sealed with that customer's key (crypto-shredding: erasure destroys the key).
 *
 * <p>Revision 2 added {@code customerContact}; {@link io.tandem.events.upcasting.FeedbackReceivedEventUpcaster} reads
 * revision 1 payloads as revision 2 without contact.
 */
@Revision("2")
public record FeedbackReceivedEvent(
        String productId,
        String feedbackId,
        FeedbackChannel channel,
        String customerReference,
        String text,
        Urgency urgency,
        SealedContact customerContact) {

    /** Feedback without contact details. */
    public FeedbackReceivedEvent(String productId, String feedbackId, FeedbackChannel channel,
                                 String customerReference, String text, Urgency urgency) {
        this(productId, feedbackId, channel, customerReference, text, urgency, null);
    }
}
