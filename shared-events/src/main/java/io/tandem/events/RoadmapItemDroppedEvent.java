package io.tandem.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A roadmap item was dropped; {@code affectedBacklogItemIds} are the open backlog items that were linked to it (they
 * stay linked to the dropped item).
 */
@Revision("1")
public record RoadmapItemDroppedEvent(
        String productId,
        String roadmapItemId,
        String rationale,
        List<String> affectedBacklogItemIds) {
    /** Defensively copies the lists; a null list becomes empty. */
    public RoadmapItemDroppedEvent {
        affectedBacklogItemIds = affectedBacklogItemIds == null ? List.of() : List.copyOf(affectedBacklogItemIds);
    }
}
