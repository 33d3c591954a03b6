package io.tandem.query.dashboard;

import io.tandem.events.FeedbackChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The feedback inbox at a moment: windows are {@code (now - days, now]} on the time feedback was received. */
final class FeedbackInbox {

    private static final double MILLIS_PER_HOUR = 3_600_000d;

    private FeedbackInbox() {
    }

    static FeedbackInboxView render(DashboardState s, Instant now) {
        Map<FeedbackChannel, Integer> byChannel = new EnumMap<>(FeedbackChannel.class);
        for (FeedbackChannel channel : FeedbackChannel.values()) {
            byChannel.put(channel, 0);
        }
        s.feedback.stream().filter(f -> within(f.receivedAt(), now, FeedbackChanges.WINDOW))
                  .forEach(f -> byChannel.merge(f.channel(), 1, Integer::sum));
        int last7 = (int) s.feedback.stream().filter(f -> within(f.receivedAt(), now, Duration.ofDays(7))).count();
        int last30 = byChannel.values().stream().mapToInt(Integer::intValue).sum();
        int untriaged = (int) s.feedback.stream().filter(FeedbackEntry::untriaged).count();
        Instant oldest = s.oldestUntriagedAt();
        Double ageHours = oldest == null ? null
                : Math.round(Duration.between(oldest, now).toMillis() / MILLIS_PER_HOUR * 10) / 10d;
        return new FeedbackInboxView(last7, last30, untriaged, oldest, ageHours,
                Collections.unmodifiableMap(byChannel));
    }

    private static boolean within(Instant at, Instant now, Duration window) {
        return at.isAfter(now.minus(window)) && !at.isAfter(now);
    }
}
