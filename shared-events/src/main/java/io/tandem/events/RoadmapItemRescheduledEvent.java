package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A roadmap item was moved from one horizon to another. */
@Revision("1")
public record RoadmapItemRescheduledEvent(
        String productId,
        String roadmapItemId,
        Horizon from,
        Horizon to,
        String rationale) {}
