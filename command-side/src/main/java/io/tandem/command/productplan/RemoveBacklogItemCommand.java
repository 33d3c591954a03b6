package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remove an open backlog item, with a rationale (PO).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record RemoveBacklogItemCommand(
        @TargetAggregateIdentifier String productId,
        String backlogItemId,
        String rationale,
        Long expectedVersion) {
}
