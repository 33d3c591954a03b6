package io.tandem.query.history;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.query.dashboard.DashboardView;
import io.tandem.query.decisions.DecisionDescriptions;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.decisions.DecisionLogEntry;
import io.tandem.query.history.ProductChanges.Change;
import io.tandem.query.history.ProductChanges.ItemChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link ProductChanges} from the dashboards at both ends of a range and the decisions in between. Net
 * changes come from the first and last decision of a kind about an item (first "from", last "to"), so an item moved
 * twice shows one move and an item moved back shows {@code changedBack}.
 */
final class ChangeReport {

    private static final Set<Class<?>> GROUPED = Set.of(RoadmapItemPlannedEvent.class,
            RoadmapItemDroppedEvent.class, RoadmapItemRescheduledEvent.class, RoadmapItemStatusChangedEvent.class,
            BacklogItemAddedEvent.class, BacklogItemRemovedEvent.class, BacklogItemCompletedEvent.class,
            BacklogItemReprioritizedEvent.class, ObjectiveDefinedEvent.class, ObjectiveRetiredEvent.class,
            FeedbackReceivedEvent.class, FeedbackTriagedEvent.class, DecisionRecordedEvent.class);

    private final DashboardView before;
    private final KnownItems items;
    private final Map<String, List<Change>> changes = new LinkedHashMap<>();
    private final Map<String, List<Object>> payloads = new LinkedHashMap<>();
    private final List<Change> other = new ArrayList<>();

    private ChangeReport(DashboardView before, List<DecisionEvent> between) {
        this.before = before;
        this.items = new KnownItems(before);
        for (DecisionEvent event : between) {
            DecisionLogEntry entry = DecisionDescriptions.describe(event, items);
            items.learn(event.payload());
            Change change = new Change(entry.globalPosition(), entry.timestamp(), entry.actor(), entry.role(),
                    entry.type(), entry.sentence(), entry.before(), entry.after(), entry.rationale());
            if (entry.itemId() != null) {
                changes.computeIfAbsent(entry.itemId(), id -> new ArrayList<>()).add(change);
                payloads.computeIfAbsent(entry.itemId(), id -> new ArrayList<>()).add(event.payload());
            }
            if (entry.itemId() == null || !GROUPED.contains(event.payload().getClass())) {
                other.add(change);
            }
        }
    }

    static ProductChanges of(String productId, ProductChanges.Boundary from, ProductChanges.Boundary to,
            DashboardView before, List<DecisionEvent> between) {
        ChangeReport r = new ChangeReport(before, between);
        return new ProductChanges(productId, from, to, between.size(),
                new ProductChanges.Roadmap(
                        r.group(RoadmapItemPlannedEvent.class, id -> r.item(id, null, r.items.state(id),
                                r.has(id, RoadmapItemDroppedEvent.class))),
                        r.group(RoadmapItemDroppedEvent.class, id -> r.item(id, r.stateBefore(id), "DROPPED", false)),
                        r.group(RoadmapItemRescheduledEvent.class, id -> r.net(id,
                                r.first(id, RoadmapItemRescheduledEvent.class).from(),
                                r.last(id, RoadmapItemRescheduledEvent.class).to())),
                        r.group(RoadmapItemStatusChangedEvent.class, id -> r.net(id,
                                r.first(id, RoadmapItemStatusChangedEvent.class).from(),
                                r.last(id, RoadmapItemStatusChangedEvent.class).to()))),
                new ProductChanges.Backlog(
                        r.group(BacklogItemAddedEvent.class, id -> r.item(id, null, r.backlogOutcome(id),
                                r.has(id, BacklogItemRemovedEvent.class))),
                        r.group(BacklogItemRemovedEvent.class, id -> r.item(id, r.rankBefore(id), "REMOVED", false)),
                        r.group(BacklogItemCompletedEvent.class,
                                id -> r.item(id, r.rankBefore(id), "COMPLETED", false)),
                        r.group(BacklogItemReprioritizedEvent.class, id -> r.net(id,
                                r.first(id, BacklogItemReprioritizedEvent.class).fromPosition(),
                                r.last(id, BacklogItemReprioritizedEvent.class).toPosition()))),
                new ProductChanges.Objectives(
                        r.group(ObjectiveDefinedEvent.class, id -> r.item(id, null,
                                r.has(id, ObjectiveRetiredEvent.class) ? "RETIRED" : "ACTIVE",
                                r.has(id, ObjectiveRetiredEvent.class))),
                        r.group(ObjectiveRetiredEvent.class, id -> r.item(id, "ACTIVE", "RETIRED", false))),
                new ProductChanges.Feedback(
                        r.group(FeedbackReceivedEvent.class, id -> r.item(id, null, r.items.state(id), false)),
                        r.group(FeedbackTriagedEvent.class, id -> r.net(id, r.firstChange(id,
                                "FeedbackTriaged").before(), r.last(id, FeedbackTriagedEvent.class).outcome()))),
                r.group(DecisionRecordedEvent.class, id -> r.item(id, null,
                        r.last(id, DecisionRecordedEvent.class).decision(), false)),
                List.copyOf(r.other));
    }

    private List<ItemChange> group(Class<?> type, Function<String, ItemChange> change) {
        return payloads.keySet().stream().filter(id -> has(id, type)).map(change).toList();
    }

    private ItemChange item(String id, String from, String to, boolean changedBack) {
        return new ItemChange(id, items.title(id), from, to, changedBack, List.copyOf(changes.get(id)));
    }

    private ItemChange net(String id, Object from, Object to) {
        String f = from == null ? null : from.toString();
        String t = to == null ? null : to.toString();
        return item(id, f, t, Objects.equals(f, t));
    }

    private boolean has(String id, Class<?> type) {
        return payloads.get(id).stream().anyMatch(type::isInstance);
    }

    private <T> T first(String id, Class<T> type) {
        return payloads.get(id).stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private <T> T last(String id, Class<T> type) {
        return payloads.get(id).stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b).orElseThrow();
    }

    private Change firstChange(String id, String type) {
        return changes.get(id).stream().filter(c -> type.equals(c.type())).findFirst().orElseThrow();
    }

    private String stateBefore(String id) {
        return KnownItems.roadmapItems(before).filter(r -> r.id().equals(id)).findFirst()
                .map(r -> r.dropped() ? "DROPPED" : r.horizon().name()).orElse(null);
    }

    private String rankBefore(String id) {
        return before.backlog().stream().filter(b -> b.id().equals(id)).findFirst()
                .map(b -> String.valueOf(b.rank())).orElse(null);
    }

    private String backlogOutcome(String id) {
        if (has(id, BacklogItemRemovedEvent.class)) {
            return "REMOVED";
        }
        if (has(id, BacklogItemCompletedEvent.class)) {
            return "COMPLETED";
        }
        return "OPEN";
    }
}
