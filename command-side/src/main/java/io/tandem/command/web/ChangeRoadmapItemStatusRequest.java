package io.tandem.command.web;

import io.tandem.events.RoadmapItemStatus;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/products/{productId}/roadmap-items/{itemId}/status}. */
record ChangeRoadmapItemStatusRequest(@NotNull RoadmapItemStatus status) {
}
