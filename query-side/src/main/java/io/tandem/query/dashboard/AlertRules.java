package io.tandem.query.dashboard;

import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert rules. Three follow from the plan alone and are evaluated by the reducer after every event (an alert
 * keeps the {@code since} of when its rule started to hold); the feedback rule depends on the clock and is evaluated
 * when rendering.
 * <ul>
 * <li>{@link Alert#LATER_WORK_IN_TOP_3}: one of the top 3 open backlog items is linked to a live LATER roadmap item
 * (e.g. the PO moved it up) — one alert per backlog item;</li>
 * <li>{@link Alert#LATER_ITEM_WITH_TOP_10_WORK}: a live LATER roadmap item has top-10 backlog items linked to it (e.g.
 * the PM rescheduled it to LATER) — one per roadmap item;</li>
 * <li>{@link Alert#NOW_ITEM_WITHOUT_WORK}: a live NOW roadmap item that is not SHIPPED has no open backlog item
 * linked — one per roadmap item;</li>
 * <li>{@link Alert#FEEDBACK_UNTRIAGED_OVER_7_DAYS}: feedback untriaged for more than 7 days — one per product, since
 * the oldest such feedback turned 7 days old.</li>
 * </ul>
 */
final class AlertRules {

    private static final int TOP = 3;

    private AlertRules() {
    }

    /** The plan alerts holding in {@code s}; those already active in {@code previous} keep their start. */
    static List<Alert> planAlerts(DashboardState s, List<Alert> previous, Instant at) {
        List<Alert> alerts = new ArrayList<>();
        for (int rank = 1; rank <= Math.min(TOP, s.backlog.size()); rank++) {
            BacklogEntry b = s.backlog.get(rank - 1);
            RoadmapEntry r = b.roadmapItemId() == null ? null : s.roadmapItem(b.roadmapItemId());
            if (r != null && r.liveOn(Horizon.LATER)) {
                alerts.add(new Alert(Alert.LATER_WORK_IN_TOP_3, Alert.CRITICAL, quoted(b.title()) + " at rank " + rank
                        + " serves " + quoted(r.title()) + ", which is planned for LATER", b.id(), at));
            }
        }
        List<BacklogEntry> top10 = s.backlog.subList(0, Math.min(AlignmentFigures.TOP, s.backlog.size()));
        for (RoadmapEntry r : s.roadmap) {
            // The cheap conditions first: a product keeps every roadmap item it ever planned, and these run at
            // every event of a replay.
            long dependents = r.liveOn(Horizon.LATER)
                    ? top10.stream().filter(b -> r.id().equals(b.roadmapItemId())).count() : 0;
            if (dependents > 0) {
                alerts.add(new Alert(Alert.LATER_ITEM_WITH_TOP_10_WORK, Alert.CRITICAL, quoted(r.title())
                        + " is planned for LATER but " + dependents + " of the top-10 backlog items depend"
                        + (dependents == 1 ? "s" : "") + " on it", r.id(), at));
            }
            if (r.liveOn(Horizon.NOW) && r.status() != RoadmapItemStatus.SHIPPED
                    && s.backlog.stream().noneMatch(b -> r.id().equals(b.roadmapItemId()))) {
                alerts.add(new Alert(Alert.NOW_ITEM_WITHOUT_WORK, Alert.WARNING, quoted(r.title())
                        + " is planned for NOW but has no open backlog item", r.id(), at));
            }
        }
        return alerts.stream().map(alert -> keepStart(alert, previous)).toList();
    }

    /** The feedback alert at {@code now}, if any feedback has waited for triage for more than 7 days. */
    static Optional<Alert> feedbackAlert(DashboardState s, Instant now) {
        List<Instant> stale = s.feedback.stream().filter(FeedbackEntry::untriaged).map(FeedbackEntry::receivedAt)
                .filter(received -> received.isBefore(now.minus(AlignmentFigures.STALE))).sorted().toList();
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        long oldestDays = Duration.between(stale.get(0), now).toDays();
        String message = stale.size() + " feedback item" + (stale.size() == 1 ? " has" : "s have")
                + " waited more than 7 days for triage (oldest: " + oldestDays + " days)";
        return Optional.of(new Alert(Alert.FEEDBACK_UNTRIAGED_OVER_7_DAYS, Alert.WARNING, message, null,
                stale.get(0).plus(AlignmentFigures.STALE)));
    }

    private static Alert keepStart(Alert alert, List<Alert> previous) {
        return previous.stream().filter(p -> p.key().equals(alert.key())).findFirst()
                .map(p -> new Alert(alert.code(), alert.severity(), alert.message(), alert.itemId(), p.since()))
                .orElse(alert);
    }

    private static String quoted(String title) {
        return "\"" + title + "\"";
    }
}
