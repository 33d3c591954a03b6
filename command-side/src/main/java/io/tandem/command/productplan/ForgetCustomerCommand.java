package io.tandem.command.productplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase a customer's personal data in a product (PO, PM): the customer's key is destroyed, so every sealed copy of
 * their contact details becomes unreadable; the feedback itself and its triage history stay.
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record ForgetCustomerCommand(
        @TargetAggregateIdentifier String productId,
        String customerReference,
        Long expectedVersion) {
}
