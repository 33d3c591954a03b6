package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Drop a live roadmap item, with a rationale (PM).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record DropRoadmapItemCommand(
        @TargetAggregateIdentifier String productId,
        String roadmapItemId,
        String rationale,
        Long expectedVersion) {
}
