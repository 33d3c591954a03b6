package io.tandem.command.productplan;

import static io.tandem.events.Role.CONTRIBUTOR;
import static io.tandem.events.Role.PRODUCT_MANAGER;
import static io.tandem.events.Role.PRODUCT_OWNER;
import static io.tandem.events.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.command.common.ForbiddenException;
import io.tandem.events.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecisionRightsTest {

    @Test
    void followsTheDecisionRightsTableOfTheSpec() {
        assertThat(DecisionRights.allowedRoles(Decision.CHANGE_VISION)).containsExactly(PRODUCT_MANAGER);
        assertThat(DecisionRights.allowedRoles(Decision.MANAGE_ROLES)).containsExactly(PRODUCT_MANAGER);
        assertThat(DecisionRights.allowedRoles(Decision.MANAGE_OBJECTIVES)).containsExactly(PRODUCT_MANAGER);
        assertThat(DecisionRights.allowedRoles(Decision.MANAGE_ROADMAP)).containsExactly(PRODUCT_MANAGER);
        assertThat(DecisionRights.allowedRoles(Decision.EDIT_BACKLOG)).containsExactly(PRODUCT_OWNER, PRODUCT_MANAGER);
        assertThat(DecisionRights.allowedRoles(Decision.ORDER_BACKLOG)).containsExactly(PRODUCT_OWNER);
        assertThat(DecisionRights.allowedRoles(Decision.SUBMIT_FEEDBACK))
                .containsExactly(PRODUCT_OWNER, PRODUCT_MANAGER, CONTRIBUTOR);
        assertThat(DecisionRights.allowedRoles(Decision.TRIAGE_FEEDBACK))
                .containsExactly(PRODUCT_OWNER, PRODUCT_MANAGER);
        assertThat(DecisionRights.allowedRoles(Decision.RECORD_DECISION))
                .containsExactly(PRODUCT_MANAGER, PRODUCT_OWNER);
        assertThat(DecisionRights.allowedRoles(Decision.HOLD_SYNC_MEETING))
                .containsExactly(PRODUCT_MANAGER, PRODUCT_OWNER);
        assertThat(DecisionRights.allowedRoles(Decision.FORGET_CUSTOMER))
                .containsExactly(PRODUCT_OWNER, PRODUCT_MANAGER);
    }

    @ParameterizedTest
    @EnumSource(Decision.class)
    void viewerMakesNoDecision(Decision decision) {
        assertThatThrownBy(() -> DecisionRights.actingRole(decision, EnumSet.of(VIEWER)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void personHoldingBothRolesReordersTheBacklogAsProductOwner() {
        assertThat(DecisionRights.actingRole(Decision.ORDER_BACKLOG, both())).isEqualTo(PRODUCT_OWNER);
        assertThat(DecisionRights.actingRole(Decision.EDIT_BACKLOG, both())).isEqualTo(PRODUCT_OWNER);
        assertThat(DecisionRights.actingRole(Decision.TRIAGE_FEEDBACK, both())).isEqualTo(PRODUCT_OWNER);
    }

    @Test
    void personHoldingBothRolesSteersTheRoadmapAsProductManager() {
        assertThat(DecisionRights.actingRole(Decision.MANAGE_ROADMAP, both())).isEqualTo(PRODUCT_MANAGER);
        assertThat(DecisionRights.actingRole(Decision.RECORD_DECISION, both())).isEqualTo(PRODUCT_MANAGER);
        assertThat(DecisionRights.actingRole(Decision.HOLD_SYNC_MEETING, both())).isEqualTo(PRODUCT_MANAGER);
    }

    @Test
    void contributorWhoIsAlsoViewerSubmitsFeedbackAsContributor() {
        assertThat(DecisionRights.actingRole(Decision.SUBMIT_FEEDBACK, EnumSet.of(VIEWER, CONTRIBUTOR)))
                .isEqualTo(CONTRIBUTOR);
    }

    @Test
    void productManagerCannotReorderTheBacklog() {
        assertThatThrownBy(() -> DecisionRights.actingRole(Decision.ORDER_BACKLOG, EnumSet.of(PRODUCT_MANAGER)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("ORDER_BACKLOG");
    }

    private static Set<Role> both() {
        return EnumSet.of(PRODUCT_MANAGER, PRODUCT_OWNER);
    }
}
