package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A user was granted a role in a product; the first grant makes the user a member. */
@Revision("1")
public record RoleGrantedEvent(
        String productId,
        String userId,
        Role role) {}
