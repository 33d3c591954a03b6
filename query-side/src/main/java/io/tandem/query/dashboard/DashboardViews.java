package io.tandem.query.dashboard;

import io.tandem.events.Horizon;
import io.tandem.events.Role;
import io.tandem.query.decisions.DecisionLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Renders a {@link DashboardState} as the {@link DashboardView} clients see at a moment {@code now}: the figures that
 * depend on the clock (inbox windows, ages, triage latency, the feedback alert, the triage penalty) are computed
 * here, everything else comes from the state. Pure: the same state and moment give the same view.
 */
public final class DashboardViews {

    private DashboardViews() {
    }

    public static DashboardView render(DashboardState s, Instant now) {
        List<Alert> alerts = alerts(s, now);
        List<DecisionLogEntry> decisions = new ArrayList<>(s.recentDecisions);
        Collections.reverse(decisions);
        return new DashboardView(s.productId, s.name, s.version, s.lastGlobalPosition, s.updatedAt, now, s.vision,
                people(s), objectives(s), roadmap(s), backlog(s), FeedbackInbox.render(s, now),
                MetricsView.of(AlignmentFigures.of(s, now)), alerts, List.copyOf(decisions),
                s.lastSync, s.changesSinceLastSync, List.copyOf(s.trend));
    }

    /** The alerts of the view at {@code now}, without rendering the rest: the state's and the clock's. */
    static List<Alert> alerts(DashboardState s, Instant now) {
        List<Alert> alerts = new ArrayList<>(s.alerts);
        AlertRules.feedbackAlert(s, now).ifPresent(alerts::add);
        return List.copyOf(alerts);
    }

    private static PeopleView people(DashboardState s) {
        List<String> pms = holding(s, Role.PRODUCT_MANAGER);
        List<String> pos = holding(s, Role.PRODUCT_OWNER);
        List<String> both = pms.stream().filter(pos::contains).toList();
        List<PeopleView.Member> members = s.members.stream()
                .map(m -> new PeopleView.Member(m.userId(), m.roles())).toList();
        return new PeopleView(pms, pos, both, !both.isEmpty(), members);
    }

    private static List<String> holding(DashboardState s, Role role) {
        return s.members.stream().filter(m -> m.roles().contains(role)).map(MemberEntry::userId).toList();
    }

    private static List<ObjectiveView> objectives(DashboardState s) {
        return s.objectives.stream()
                .map(o -> new ObjectiveView(o.id(), o.title(), o.successMetric(), o.retired())).toList();
    }

    private static RoadmapView roadmap(DashboardState s) {
        Map<String, String> servedBy = new HashMap<>();
        s.closedBacklog.forEach(b -> servedBy.put(b.id(), b.roadmapItemId()));
        s.backlog.forEach(b -> servedBy.put(b.id(), b.roadmapItemId()));
        List<RoadmapItemView> all = s.roadmap.stream().map(r -> roadmapItem(s, r, servedBy)).toList();
        return new RoadmapView(column(all, Horizon.NOW), column(all, Horizon.NEXT), column(all, Horizon.LATER),
                all.stream().filter(RoadmapItemView::dropped).toList());
    }

    private static RoadmapItemView roadmapItem(DashboardState s, RoadmapEntry r, Map<String, String> servedBy) {
        int open = (int) s.backlog.stream().filter(b -> r.id().equals(b.roadmapItemId())).count();
        Predicate<String> forThisItem = item -> r.id().equals(item) || r.id().equals(servedBy.get(item));
        int demand = (int) s.feedbackLinks.stream().map(FeedbackLink::itemId).filter(forThisItem).count();
        return new RoadmapItemView(r.id(), r.title(), r.description(), r.horizon(), r.status(), r.objectiveIds(),
                r.dropped(), open, demand);
    }

    private static List<RoadmapItemView> column(List<RoadmapItemView> all, Horizon horizon) {
        return all.stream().filter(r -> !r.dropped() && r.horizon() == horizon).toList();
    }

    private static List<BacklogItemView> backlog(DashboardState s) {
        List<BacklogItemView> items = new ArrayList<>();
        for (int i = 0; i < s.backlog.size(); i++) {
            BacklogEntry b = s.backlog.get(i);
            RoadmapEntry r = b.roadmapItemId() == null ? null : s.roadmapItem(b.roadmapItemId());
            items.add(new BacklogItemView(i + 1, b.id(), b.title(), b.kind(), b.roadmapItemId(),
                    r == null ? null : r.title(), r == null ? null : r.horizon(),
                    r != null && r.dropped()));
        }
        return List.copyOf(items);
    }
}
