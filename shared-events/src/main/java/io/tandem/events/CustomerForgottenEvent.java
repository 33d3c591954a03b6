package io.tandem.events;

import org.axonframework.serialization.Revision;

/**
 * A customer exercised the right to erasure: personal data behind {@code customerReference} was destroyed and must no
 * longer be shown anywhere.
 */
@Revision("1")
public record CustomerForgottenEvent(
        String productId,
        String customerReference) {}
