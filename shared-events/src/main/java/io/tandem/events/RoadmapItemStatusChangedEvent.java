package io.tandem.events;

import org.axonframework.serialization.Revision;

/** The delivery status of a roadmap item changed. */
@Revision("1")
public record RoadmapItemStatusChangedEvent(
        String productId,
        String roadmapItemId,
        RoadmapItemStatus from,
        RoadmapItemStatus to) {}
