package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Define a product objective with its success metric (PM).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record DefineObjectiveCommand(
        @TargetAggregateIdentifier String productId,
        String objectiveId,
        String title,
        String successMetric,
        Long expectedVersion) {
}
