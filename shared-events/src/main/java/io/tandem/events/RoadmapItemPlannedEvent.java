package io.tandem.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A roadmap item was planned on a horizon, serving the given objectives. */
@Revision("1")
public record RoadmapItemPlannedEvent(
        String productId,
        String roadmapItemId,
        String title,
        String description,
        Horizon horizon,
        List<String> objectiveIds,
        String rationale) {
    /** Defensively copies the lists; a null list becomes empty. */
    public RoadmapItemPlannedEvent {
        objectiveIds = objectiveIds == null ? List.of() : List.copyOf(objectiveIds);
    }
}
