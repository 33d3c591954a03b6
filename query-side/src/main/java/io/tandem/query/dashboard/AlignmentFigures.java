package io.tandem.query.dashboard;

import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The alignment metrics of a state at a moment (formulas in {@link MetricsView}).
 *
 * @param top                the top-10 open backlog items (fewer when the backlog is shorter), rank order
 * @param covered            ids of top items linked to a live NOW roadmap item
 * @param misaligned         ids of top items linked to a LATER or dropped roadmap item, or to none
 * @param nowItems           ids of live NOW roadmap items that are not SHIPPED
 * @param orphaned           ids of those without any open backlog item linked
 * @param triageLatencyHours median hours from received to first triage over feedback received in the last 30 days,
 *                           null when none was triaged
 * @param staleUntriaged     feedback untriaged for more than 7 days
 * @param score              the alignment score 0-100
 */
record AlignmentFigures(List<BacklogEntry> top, List<String> covered, List<String> misaligned,
                        List<String> nowItems, List<String> orphaned, Double triageLatencyHours,
                        int staleUntriaged, int score) {

    static final int TOP = 10;
    static final Duration STALE = Duration.ofDays(7);
    static final int PENALTY_PER_STALE = 2;
    static final int MAX_PENALTY = 20;

    static AlignmentFigures of(DashboardState s, Instant now) {
        return withoutTriageLatency(s, now).withTriageLatency(TriageLatency.medianHours(s, now));
    }

    /**
     * The alignment score alone, which the trend records after every event: it does not depend on the triage latency,
     * whose median over the window's feedback was most of the cost of a replayed event.
     */
    static int scoreOf(DashboardState s, Instant now) {
        return withoutTriageLatency(s, now).score();
    }

    private static AlignmentFigures withoutTriageLatency(DashboardState s, Instant now) {
        List<BacklogEntry> top = s.backlog.subList(0, Math.min(TOP, s.backlog.size())).stream().toList();
        List<String> covered = top.stream().filter(b -> servesLive(s, b, Horizon.NOW)).map(BacklogEntry::id).toList();
        List<String> misaligned = top.stream().filter(b -> misaligned(s, b)).map(BacklogEntry::id).toList();
        List<String> nowItems = s.roadmap.stream()
                .filter(r -> r.liveOn(Horizon.NOW) && r.status() != RoadmapItemStatus.SHIPPED)
                .map(RoadmapEntry::id).toList();
        List<String> orphaned = nowItems.stream()
                .filter(id -> s.backlog.stream().noneMatch(b -> id.equals(b.roadmapItemId()))).toList();
        int stale = (int) s.feedback.stream()
                .filter(f -> f.untriaged() && f.receivedAt().isBefore(now.minus(STALE))).count();
        int score = score(top.size(), covered.size(), misaligned.size(), nowItems.size(), orphaned.size(), stale);
        return new AlignmentFigures(top, covered, misaligned, nowItems, orphaned, null, stale, score);
    }

    private AlignmentFigures withTriageLatency(Double hours) {
        return new AlignmentFigures(top, covered, misaligned, nowItems, orphaned, hours, staleUntriaged, score);
    }

    double coverage() {
        return top.isEmpty() ? 0 : (double) covered.size() / top.size();
    }

    int triagePenalty() {
        return penalty(staleUntriaged);
    }

    private static int penalty(int stale) {
        return Math.min(MAX_PENALTY, PENALTY_PER_STALE * stale);
    }

    /**
     * {@code round(100 × (0.5 × coverage + 0.3 × (1 − misaligned/top) + 0.2 × (1 − orphaned/nowItems))) − penalty},
     * clamped to 0..100, where a term whose denominator is 0 counts 0.
     */
    private static int score(int top, int covered, int misaligned, int now, int orphaned, int stale) {
        double coverage = top == 0 ? 0 : (double) covered / top;
        double focus = top == 0 ? 0 : 1 - (double) misaligned / top;
        double staffed = now == 0 ? 0 : 1 - (double) orphaned / now;
        long raw = Math.round(100 * (0.5 * coverage + 0.3 * focus + 0.2 * staffed));
        return (int) Math.max(0, Math.min(100, raw - penalty(stale)));
    }

    private static boolean servesLive(DashboardState s, BacklogEntry b, Horizon horizon) {
        RoadmapEntry r = b.roadmapItemId() == null ? null : s.roadmapItem(b.roadmapItemId());
        return r != null && r.liveOn(horizon);
    }

    private static boolean misaligned(DashboardState s, BacklogEntry b) {
        RoadmapEntry r = b.roadmapItemId() == null ? null : s.roadmapItem(b.roadmapItemId());
        return r == null || r.dropped() || Objects.equals(r.horizon(), Horizon.LATER);
    }
}
