package io.tandem.query.membership;

import io.tandem.events.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A product a user is a member of, with the roles the user holds in it (in {@link Role} order). */
public record ProductSummary(String productId, String name, Set<Role> roles) {

    public ProductSummary {
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }
}
