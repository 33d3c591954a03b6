package io.tandem.query.live;

import io.tandem.query.dashboard.DashboardView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Coalesces dashboard pushes: at most one per product per {@code tandem.live.dashboard-push-interval}. Every update
 * replaces the product's pending state, and a short timer pushes pending states whose product has not been pushed
 * within the interval; so a burst of events becomes a few pushes, and the newest state always arrives.
 */
@Component
class DashboardPushCoalescer {

    /** The newest unpushed state of a product and the time of the oldest event it carries that was not pushed. */
    private record Pending(DashboardView view, Instant since) {
    }

    /** How often pending states are looked at: what a push waits at most once its product may be pushed again. */
    private static final Duration TICK = Duration.ofMillis(10);

    private final SimpMessagingTemplate template;
    private final TaskScheduler scheduler;
    private final LiveMetrics metrics;
    private final long intervalNanos;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPush = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    DashboardPushCoalescer(SimpMessagingTemplate brokerMessagingTemplate,
            @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler, LiveMetrics metrics,
            LiveProperties properties) {
        this.template = brokerMessagingTemplate;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.intervalNanos = properties.dashboardPushInterval().toNanos();
    }

    @PostConstruct
    void start() {
        flushing = scheduler.scheduleWithFixedDelay(this::flush, TICK);
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
    }

    /** Keeps the newest state of the product for the next push. */
    void offer(String productId, DashboardView view) {
        pending.merge(productId, new Pending(view, view.updatedAt()), (older, newer) -> new Pending(
                newer.view().version() >= older.view().version() ? newer.view() : older.view(), older.since()));
    }

    /** Pushes every pending state whose product was not pushed within the interval. */
    void flush() {
        long now = System.nanoTime();
        for (String productId : pending.keySet()) {
            Long last = lastPush.get(productId);
            if (last != null && now - last < intervalNanos) {
                continue;
            }
            Pending newest = pending.remove(productId);
            if (newest != null) {
                lastPush.put(productId, now);
                template.convertAndSend(ProductTopic.of(productId, ProductTopic.Kind.DASHBOARD).destination(),
                        newest.view());
                metrics.pushed(ProductTopic.Kind.DASHBOARD, newest.since());
            }
        }
        lastPush.values().removeIf(pushedAt -> now - pushedAt > 2 * intervalNanos);
    }
}
