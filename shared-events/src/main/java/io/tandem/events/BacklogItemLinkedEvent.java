package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A backlog item was linked to a roadmap item, replacing {@code previousRoadmapItemId} (null when it was unlinked). */
@Revision("1")
public record BacklogItemLinkedEvent(
        String productId,
        String backlogItemId,
        String roadmapItemId,
        String previousRoadmapItemId) {}
