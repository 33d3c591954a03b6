package io.tandem.command.productplan;

import io.tandem.events.Horizon;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move a live roadmap item to another horizon, with a rationale (PM).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record RescheduleRoadmapItemCommand(
        @TargetAggregateIdentifier String productId,
        String roadmapItemId,
        Horizon to,
        String rationale,
        Long expectedVersion) {
}
