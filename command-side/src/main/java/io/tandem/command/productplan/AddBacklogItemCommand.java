package io.tandem.command.productplan;

import io.tandem.events.BacklogItemKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a backlog item at a 1-based rank (null = bottom), optionally linked to a live roadmap item (PM, PO).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record AddBacklogItemCommand(
        @TargetAggregateIdentifier String productId,
        String backlogItemId,
        String title,
        BacklogItemKind kind,
        String roadmapItemId,
        Integer position,
        Long expectedVersion) {
}
