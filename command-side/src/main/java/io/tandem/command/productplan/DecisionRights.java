package io.tandem.command.productplan;

import static io.tandem.events.Role.CONTRIBUTOR;
import static io.tandem.events.Role.PRODUCT_MANAGER;
import static io.tandem.events.Role.PRODUCT_OWNER;

import io.tandem.command.common.ForbiddenException;
import io.tandem.events.Role;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision-rights table of SPEC §2 and the choice of the role an actor acts in.
 *
 * <p>Each decision lists its allowed roles with the decision's natural owner first: the PM for vision, roles,
 * objectives, roadmap, recorded decisions and sync meetings; the PO for the backlog, for feedback and for erasing
 * customers' personal data. An actor holding
 * several allowed roles acts in the first of them, so a person who is both PM and PO reorders the backlog as PO and
 * reschedules the roadmap as PM.
 */
final class DecisionRights {

    private static final Map<Decision, List<Role>> ALLOWED = new EnumMap<>(Map.ofEntries(
            Map.entry(Decision.CHANGE_VISION, List.of(PRODUCT_MANAGER)),
            Map.entry(Decision.MANAGE_ROLES, List.of(PRODUCT_MANAGER)),
            Map.entry(Decision.MANAGE_OBJECTIVES, List.of(PRODUCT_MANAGER)),
            Map.entry(Decision.MANAGE_ROADMAP, List.of(PRODUCT_MANAGER)),
            Map.entry(Decision.EDIT_BACKLOG, List.of(PRODUCT_OWNER, PRODUCT_MANAGER)),
            Map.entry(Decision.ORDER_BACKLOG, List.of(PRODUCT_OWNER)),
            Map.entry(Decision.SUBMIT_FEEDBACK, List.of(PRODUCT_OWNER, PRODUCT_MANAGER, CONTRIBUTOR)),
            Map.entry(Decision.TRIAGE_FEEDBACK, List.of(PRODUCT_OWNER, PRODUCT_MANAGER)),
            Map.entry(Decision.RECORD_DECISION, List.of(PRODUCT_MANAGER, PRODUCT_OWNER)),
            Map.entry(Decision.HOLD_SYNC_MEETING, List.of(PRODUCT_MANAGER, PRODUCT_OWNER)),
            Map.entry(Decision.FORGET_CUSTOMER, List.of(PRODUCT_OWNER, PRODUCT_MANAGER))));

    private DecisionRights() {
    }

    /** The roles that may make the decision, natural owner first. */
    static List<Role> allowedRoles(Decision decision) {
        return ALLOWED.get(decision);
    }

    /**
     * The role in which a member holding {@code held} makes the decision.
     *
     * @throws ForbiddenException when none of the held roles may make it
     */
    static Role actingRole(Decision decision, Set<Role> held) {
        return allowedRoles(decision).stream()
                .filter(held::contains)
                .findFirst()
                .orElseThrow(() -> new ForbiddenException(
                        "your roles " + held + " do not allow " + decision + "; allowed: " + allowedRoles(decision)));
    }
}
