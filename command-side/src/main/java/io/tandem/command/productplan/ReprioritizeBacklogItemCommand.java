package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move an open backlog item to another 1-based rank, with a rationale (PO).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record ReprioritizeBacklogItemCommand(
        @TargetAggregateIdentifier String productId,
        String backlogItemId,
        int toPosition,
        String rationale,
        Long expectedVersion) {
}
