package io.tandem.query.dashboard;

import java.time.Duration;
import java.time.Instant;

/** The median time from receiving feedback to its first triage, over feedback received in the last 30 days. */
final class TriageLatency {

    private static final double MILLIS_PER_HOUR = 3_600_000d;

    private TriageLatency() {
    }

    /** In hours, rounded to a tenth; null when no feedback received in the window has been triaged. */
    static Double medianHours(DashboardState s, Instant now) {
        Instant from = now.minus(FeedbackChanges.WINDOW);
        double[] hours = s.feedback.stream()
                .filter(f -> !f.untriaged() && f.receivedAt().isAfter(from) && !f.receivedAt().isAfter(now))
                .mapToDouble(f -> Duration.between(f.receivedAt(), f.firstTriagedAt()).toMillis() / MILLIS_PER_HOUR)
                .sorted().toArray();
        if (hours.length == 0) {
            return null;
        }
        int middle = hours.length / 2;
        double median = hours.length % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
        return Math.round(median * 10) / 10d;
    }
}
