package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a product; the actor becomes its first product manager.
 *
 * <p>{@code expectedVersion} (from {@code If-Match}) must be null: there is no version before creation.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record CreateProductCommand(
        @TargetAggregateIdentifier String productId,
        String name,
        String vision,
        Long expectedVersion) {
}
