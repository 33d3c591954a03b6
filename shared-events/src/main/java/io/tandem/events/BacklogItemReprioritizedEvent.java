package io.tandem.events;

import org.axonframework.serialization.Revision;

/** An open backlog item was moved from one 1-based rank to another; the items in between shift by one. */
@Revision("1")
public record BacklogItemReprioritizedEvent(
        String productId,
        String backlogItemId,
        int fromPosition,
        int toPosition,
        String rationale) {}
