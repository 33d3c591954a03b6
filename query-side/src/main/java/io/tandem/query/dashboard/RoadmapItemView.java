package io.tandem.query.dashboard;

import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;
import java.util.List;

/**
 * A roadmap item on the dashboard.
 *
 * @param openBacklogCount open backlog items linked to it
 * @param feedbackDemand   feedback currently triaged LINKED to it or to one of its backlog items (open or closed)
 */
public record RoadmapItemView(String id, String title, String description, Horizon horizon, RoadmapItemStatus status,
                              List<String> objectiveIds, boolean dropped, int openBacklogCount, int feedbackDemand) {
}
