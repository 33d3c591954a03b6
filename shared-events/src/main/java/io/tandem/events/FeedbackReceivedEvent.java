package io.tandem.events;

import org.axonframework.serialization.Revision;

/**
 * Customer feedback was received. {@code customerReference} is a nullable pseudonymous reference into the personal-
 * data store, never a name or e-mail address.
 */
@Revision("1")
public record FeedbackReceivedEvent(
        String productId,
        String feedbackId,
        FeedbackChannel channel,
        String customerReference,
        String text,
        Urgency urgency) {}
