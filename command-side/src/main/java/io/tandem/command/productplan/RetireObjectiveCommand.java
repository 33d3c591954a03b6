package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Retire an objective, with a rationale (PM).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record RetireObjectiveCommand(
        @TargetAggregateIdentifier String productId,
        String objectiveId,
        String rationale,
        Long expectedVersion) {
}
