package io.tandem.query.dashboard;

import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.ProductVisionChangedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** How product, membership, objective and roadmap events change a dashboard state (the reducer's working copy). */
final class PlanChanges {

    private PlanChanges() {
    }

    static void apply(DashboardState s, Object payload) {
        if (payload instanceof ProductCreatedEvent e) {
            s.name = e.name();
            s.vision = e.vision();
        } else if (payload instanceof ProductVisionChangedEvent e) {
            s.vision = e.vision();
        } else if (payload instanceof RoleGrantedEvent e) {
            changeRoles(s, e.userId(), roles -> roles.add(e.role()));
        } else if (payload instanceof RoleRevokedEvent e) {
            changeRoles(s, e.userId(), roles -> roles.remove(e.role()));
        } else if (payload instanceof ObjectiveDefinedEvent e) {
            s.objectives.removeIf(o -> o.id().equals(e.objectiveId()));
            s.objectives.add(new ObjectiveEntry(e.objectiveId(), e.title(), e.successMetric(), false));
        } else if (payload instanceof ObjectiveRetiredEvent e) {
            s.objectives.replaceAll(o -> o.id().equals(e.objectiveId()) ? o.retire() : o);
        } else if (payload instanceof RoadmapItemPlannedEvent e) {
            s.roadmap.removeIf(r -> r.id().equals(e.roadmapItemId()));
            s.roadmap.add(new RoadmapEntry(e.roadmapItemId(), e.title(), e.description(), e.horizon(),
                    RoadmapItemStatus.PLANNED, e.objectiveIds(), false));
        } else if (payload instanceof RoadmapItemRescheduledEvent e) {
            changeRoadmapItem(s, e.roadmapItemId(), r -> r.rescheduled(e.to()));
        } else if (payload instanceof RoadmapItemStatusChangedEvent e) {
            changeRoadmapItem(s, e.roadmapItemId(), r -> r.withStatus(e.to()));
        } else if (payload instanceof RoadmapItemDroppedEvent e) {
            changeRoadmapItem(s, e.roadmapItemId(), RoadmapEntry::drop);
        }
    }

    private static void changeRoles(DashboardState s, String userId, Consumer<Set<Role>> change) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        s.members.stream().filter(m -> m.userId().equals(userId)).findFirst().ifPresent(m -> roles.addAll(m.roles()));
        change.accept(roles);
        List<MemberEntry> members = new ArrayList<>(s.members);
        members.removeIf(m -> m.userId().equals(userId));
        if (!roles.isEmpty()) {
            members.add(new MemberEntry(userId, List.copyOf(roles)));
        }
        members.sort((a, b) -> a.userId().compareTo(b.userId()));
        s.members = members;
    }

    private static void changeRoadmapItem(DashboardState s, String id, UnaryOperator<RoadmapEntry> change) {
        s.roadmap.replaceAll(r -> r.id().equals(id) ? change.apply(r) : r);
    }
}
