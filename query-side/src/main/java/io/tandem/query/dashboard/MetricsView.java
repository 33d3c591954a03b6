package io.tandem.query.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * The alignment metrics with their formulas. "Top 10" are the first ten open backlog items by rank (all of them when
 * fewer); a "live" roadmap item is one that was not dropped.
 *
 * @param coverage         {@value #COVERAGE}
 * @param orphanedStrategy {@value #ORPHANED}
 * @param misalignedWork   {@value #MISALIGNED}
 * @param triageLatency    {@value #LATENCY}
 * @param alignmentScore   {@value #SCORE}
 */
public record MetricsView(MetricView coverage, MetricView orphanedStrategy, MetricView misalignedWork,
                          MetricView triageLatency, MetricView alignmentScore) {

    public static final String COVERAGE = "covered / top, where top = the top-10 open backlog items and covered = "
            + "those linked to a live NOW roadmap item; 0 when the backlog is empty";
    public static final String ORPHANED = "number of live NOW roadmap items, not SHIPPED, with no open backlog item "
            + "linked";
    public static final String MISALIGNED = "number of top-10 open backlog items linked to a LATER or dropped roadmap "
            + "item, or to none";
    public static final String LATENCY = "median of (first triage - received) in hours over the feedback received in "
            + "the last 30 days that has been triaged; none without such feedback";
    public static final String SCORE = "round(100 x (0.5 x coverage + 0.3 x (1 - misaligned / top) + 0.2 x "
            + "(1 - orphaned / NOW items))) - triage penalty, clamped to 0..100; NOW items = live NOW items not "
            + "SHIPPED; a term whose denominator is 0 counts 0; triage penalty = 2 points per feedback untriaged for "
            + "more than 7 days, at most 20";

    static MetricsView of(AlignmentFigures f) {
        int top = f.top().size();
        int now = f.nowItems().size();
        return new MetricsView(
                new MetricView(f.coverage(), "share", COVERAGE, f.covered().size() + " / " + top, f.covered()),
                new MetricView((double) f.orphaned().size(), "items", ORPHANED,
                        f.orphaned().size() + " of " + now + " NOW items", f.orphaned()),
                new MetricView((double) f.misaligned().size(), "items", MISALIGNED,
                        f.misaligned().size() + " of " + top + " top items", f.misaligned()),
                new MetricView(f.triageLatencyHours(), "hours", LATENCY, f.triageLatencyHours() == null
                        ? "no feedback triaged in the last 30 days" : "median " + f.triageLatencyHours() + " h",
                        List.of()),
                new MetricView((double) f.score(), "points", SCORE, scoreCalculation(f), List.of()));
    }

    private static String scoreCalculation(AlignmentFigures f) {
        int top = f.top().size();
        int now = f.nowItems().size();
        return String.format(Locale.ROOT, "round(100 x (0.5 x %s + 0.3 x %s + 0.2 x %s)) - %d = %d",
                ratio(f.covered().size(), top), complement(f.misaligned().size(), top),
                complement(f.orphaned().size(), now), f.triagePenalty(), f.score());
    }

    private static String ratio(int part, int whole) {
        return whole == 0 ? "0" : part + "/" + whole;
    }

    private static String complement(int part, int whole) {
        return whole == 0 ? "0" : "(1 - " + part + "/" + whole + ")";
    }
}
