package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Unlink a backlog item from its roadmap item (PM, PO).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record UnlinkBacklogItemCommand(
        @TargetAggregateIdentifier String productId,
        String backlogItemId,
        Long expectedVersion) {
}
