package io.tandem.command.web;

import io.tandem.events.Role;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/products/{productId}/members/{userId}/roles}. */
record GrantRoleRequest(@NotNull Role role) {
}
