package io.tandem.query.dashboard;

import io.tandem.events.TriageOutcome;
import io.tandem.query.decisions.ItemLookup;
import java.util.stream.Stream;

/** Titles and states for decision sentences, answered from a dashboard state. */
record StateItems(DashboardState state) implements ItemLookup {

    @Override
    public String title(String itemId) {
        return Stream.of(
                        state.roadmap.stream().filter(i -> i.id().equals(itemId)).map(RoadmapEntry::title),
                        state.backlog.stream().filter(i -> i.id().equals(itemId)).map(BacklogEntry::title),
                        state.closedBacklog.stream().filter(i -> i.id().equals(itemId)).map(ClosedBacklogEntry::title),
                        state.objectives.stream().filter(i -> i.id().equals(itemId)).map(ObjectiveEntry::title),
                        state.feedback.stream().filter(i -> i.id().equals(itemId)).map(FeedbackEntry::summary))
                     .flatMap(s -> s).findFirst().orElse(null);
    }

    @Override
    public String state(String itemId) {
        RoadmapEntry roadmapItem = state.roadmapItem(itemId);
        if (roadmapItem != null) {
            return roadmapItem.dropped() ? "DROPPED" : roadmapItem.horizon().name();
        }
        FeedbackEntry feedback = state.feedbackItem(itemId);
        if (feedback != null) {
            return feedback.outcome() == null ? "UNTRIAGED" : feedback.outcome().name();
        }
        return state.feedbackLinkOf(itemId) != null ? TriageOutcome.LINKED.name() : null;
    }
}
