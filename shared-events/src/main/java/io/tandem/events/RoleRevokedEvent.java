package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A role was revoked from a user; a user without roles is no longer a member. */
@Revision("1")
public record RoleRevokedEvent(
        String productId,
        String userId,
        Role role) {}
