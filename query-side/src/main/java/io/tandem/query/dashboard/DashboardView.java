package io.tandem.query.dashboard;

import io.tandem.query.decisions.DecisionLogEntry;
import java.time.Instant;
import java.util.List;

/**
 * A product's dashboard as the API returns it and the live topic pushes it (JSON through Jackson), rendered from a
 * {@link DashboardState} at a moment by {@link DashboardViews#render}.
 *
 * @param productId            the product
 * @param name                 its name
 * @param version              grows by one with every applied event; a client keeps the highest it has seen
 * @param lastGlobalPosition   the highest global position applied (-1 before the first event)
 * @param updatedAt            the time of the newest event applied
 * @param renderedAt           the moment the time-dependent figures refer to
 * @param vision               the product vision
 * @param people               who is PM and PO, and whether one person holds both
 * @param objectives           all objectives, retired ones flagged
 * @param roadmap              the roadmap by horizon, dropped items apart
 * @param backlog              the open backlog items in rank order with their roadmap link
 * @param feedback             the feedback inbox
 * @param metrics              the alignment metrics, each with value and formula
 * @param alerts               the active alerts, plan alerts first
 * @param recentDecisions      the last 20 decisions, newest first
 * @param lastSync             the last sync meeting, null when none was held
 * @param changesSinceLastSync events after the last sync meeting (0 when none was held)
 * @param trend                the alignment score after each of the last 100 events, oldest first
 */
public record DashboardView(String productId, String name, long version, long lastGlobalPosition, Instant updatedAt,
                            Instant renderedAt, String vision, PeopleView people, List<ObjectiveView> objectives,
                            RoadmapView roadmap, List<BacklogItemView> backlog, FeedbackInboxView feedback,
                            MetricsView metrics, List<Alert> alerts, List<DecisionLogEntry> recentDecisions,
                            LastSync lastSync, long changesSinceLastSync, List<TrendPoint> trend) {
}
