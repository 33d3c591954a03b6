package io.tandem.command.productplan;

import io.tandem.events.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revoke a role from a user; the last product manager cannot be revoked (PM).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record RevokeRoleCommand(
        @TargetAggregateIdentifier String productId,
        String userId,
        Role role,
        Long expectedVersion) {
}
