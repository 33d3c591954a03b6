package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A backlog item was unlinked from the roadmap item it served. */
@Revision("1")
public record BacklogItemUnlinkedEvent(
        String productId,
        String backlogItemId,
        String roadmapItemId) {}
