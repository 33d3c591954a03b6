package io.tandem.command.productplan;

import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.Texts;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;

/** The members of a product and their roles. A user with at least one role is a member. */
class Members {

    private final Map<String, Set<Role>> roles = new HashMap<>();

    /** Grants a role; null (no event) when the user already holds it. */
    RoleGrantedEvent grant(String productId, GrantRoleCommand c) {
        String userId = Texts.requireId("userId", c.userId());
        Role role = Texts.requirePresent("role", c.role());
        return holds(userId, role) ? null : new RoleGrantedEvent(productId, userId, role);
    }

    /**
     * Revokes a role; null (no event) when the user does not hold it.
     *
     * @throws RuleViolationException when it is the last product manager's PM role
     */
    RoleRevokedEvent revoke(String productId, RevokeRoleCommand c) {
        String userId = Texts.requireId("userId", c.userId());
        Role role = Texts.requirePresent("role", c.role());
        if (!holds(userId, role)) {
            return null;
        }
        if (wouldLoseLastManager(userId, role)) {
            throw new RuleViolationException("a product always keeps at least one product manager");
        }
        return new RoleRevokedEvent(productId, userId, role);
    }

    /** The roles the user holds; empty for a non-member (including a null user). */
    Set<Role> rolesOf(String userId) {
        Set<Role> held = userId == null ? null : roles.get(userId);
        return held == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(held);
    }

    private boolean holds(String userId, Role role) {
        return rolesOf(userId).contains(role);
    }

    private boolean wouldLoseLastManager(String userId, Role role) {
        return role == Role.PRODUCT_MANAGER && holds(userId, role) && managerCount() == 1;
    }

    private long managerCount() {
        return roles.values().stream().filter(held -> held.contains(Role.PRODUCT_MANAGER)).count();
    }

    @EventSourcingHandler
    void on(RoleGrantedEvent event) {
        roles.computeIfAbsent(event.userId(), user -> EnumSet.noneOf(Role.class)).add(event.role());
    }

    @EventSourcingHandler
    void on(RoleRevokedEvent event) {
        Set<Role> held = roles.get(event.userId());
        if (held != null) {
            held.remove(event.role());
            if (held.isEmpty()) {
                roles.remove(event.userId());
            }
        }
    }
}
