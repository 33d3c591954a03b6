package io.tandem.query.history;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.query.dashboard.DashboardView;
import io.tandem.query.dashboard.RoadmapItemView;
import io.tandem.query.decisions.DecisionDescriptions;
import io.tandem.query.decisions.ItemLookup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Titles and states of a product's items while a change report walks through the decisions of a range: what the
 * dashboard at the start of the range shows, then what each decision says.
 */
final class KnownItems implements ItemLookup {

    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, String> states = new HashMap<>();

    KnownItems(DashboardView start) {
        roadmapItems(start).forEach(r -> {
            titles.put(r.id(), r.title());
            states.put(r.id(), r.dropped() ? "DROPPED" : r.horizon().name());
        });
        start.backlog().forEach(b -> titles.put(b.id(), b.title()));
        start.objectives().forEach(o -> titles.put(o.id(), o.title()));
    }

    @Override
    public String title(String itemId) {
        return titles.get(itemId);
    }

    @Override
    public String state(String itemId) {
        return states.get(itemId);
    }

    /** Takes in what a decision says about titles and states. */
    void learn(Object payload) {
        if (payload instanceof RoadmapItemPlannedEvent e) {
            titles.put(e.roadmapItemId(), e.title());
            states.put(e.roadmapItemId(), e.horizon().name());
        } else if (payload instanceof RoadmapItemRescheduledEvent e) {
            states.put(e.roadmapItemId(), e.to().name());
        } else if (payload instanceof RoadmapItemDroppedEvent e) {
            states.put(e.roadmapItemId(), "DROPPED");
        } else if (payload instanceof BacklogItemAddedEvent e) {
            titles.put(e.backlogItemId(), e.title());
        } else if (payload instanceof ObjectiveDefinedEvent e) {
            titles.put(e.objectiveId(), e.title());
        } else if (payload instanceof FeedbackReceivedEvent e) {
            titles.put(e.feedbackId(), DecisionDescriptions.summary(e.text()));
            states.put(e.feedbackId(), "UNTRIAGED");
        } else if (payload instanceof FeedbackTriagedEvent e) {
            states.put(e.feedbackId(), e.outcome().name());
        } else if (payload instanceof DecisionRecordedEvent e) {
            titles.put(e.decisionId(), e.title());
        }
    }

    /** Every roadmap item of a view: the horizons' columns and the dropped items. */
    static Stream<RoadmapItemView> roadmapItems(DashboardView view) {
        return Stream.of(view.roadmap().now(), view.roadmap().next(), view.roadmap().later(),
                view.roadmap().dropped()).flatMap(List::stream);
    }
}
