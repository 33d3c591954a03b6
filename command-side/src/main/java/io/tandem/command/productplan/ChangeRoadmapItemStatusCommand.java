package io.tandem.command.productplan;

import io.tandem.events.RoadmapItemStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change the delivery status of a live roadmap item (PM).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record ChangeRoadmapItemStatusCommand(
        @TargetAggregateIdentifier String productId,
        String roadmapItemId,
        RoadmapItemStatus status,
        Long expectedVersion) {
}
