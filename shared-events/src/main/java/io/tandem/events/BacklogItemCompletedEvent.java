package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A backlog item was completed and left the ranked order. */
@Revision("1")
public record BacklogItemCompletedEvent(
        String productId,
        String backlogItemId) {}
