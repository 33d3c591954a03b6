package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A backlog item was removed without being done and left the ranked order. */
@Revision("1")
public record BacklogItemRemovedEvent(
        String productId,
        String backlogItemId,
        String rationale) {}
