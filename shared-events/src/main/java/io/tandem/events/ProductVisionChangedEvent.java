package io.tandem.events;

import org.axonframework.serialization.Revision;

/** The product vision was changed. */
@Revision("1")
public record ProductVisionChangedEvent(
        String productId,
        String previousVision,
        String vision) {}
