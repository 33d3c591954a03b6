package io.tandem.query.live;

import io.tandem.query.updates.DashboardUpdated;
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
 * within the interval; so a burst of events becomes a few pushes, and the newest state always arrives. A change is
 * rendered only when it is pushed, and not at all when nobody is subscribed to the product's dashboard
 * ({@link TopicSubscribers}).
 */
@Component
class DashboardPushCoalescer {

    /**
     * The newest unpushed change of a product and the time of the oldest event it carries that was not pushed; the
     * change's view is rendered only when it is pushed.
     */
    private record Pending(DashboardUpdated update, Instant since) {
    }

    /** How often pending states are looked at: what a push waits at most once its product may be pushed again. */
    private static final Duration TICK = Duration.ofMillis(10);

    private final SimpMessagingTemplate template;
    private final TopicSubscribers subscribers;
    private final TaskScheduler scheduler;
    private final LiveMetrics metrics;
    private final long intervalNanos;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPush = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    DashboardPushCoalescer(SimpMessagingTemplate brokerMessagingTemplate, TopicSubscribers subscribers,
            @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler, LiveMetrics metrics,
            LiveProperties properties) {
        this.template = brokerMessagingTemplate;
        this.subscribers = subscribers;
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

    /** Keeps the newest change of the product for the next push. */
    void offer(DashboardUpdated update) {
        pending.merge(update.productId(), new Pending(update, update.since()), (older, newer) -> new Pending(
                newer.update().version() >= older.update().version() ? newer.update() : older.update(),
                older.since()));
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
            String destination = ProductTopic.of(productId, ProductTopic.Kind.DASHBOARD).destination();
            if (newest != null && subscribers.anyoneOn(destination)) {
                lastPush.put(productId, now);
                template.convertAndSend(destination, newest.update().dashboard());
                metrics.pushed(ProductTopic.Kind.DASHBOARD, newest.since());
            }
        }
        lastPush.values().removeIf(pushedAt -> now - pushedAt > 2 * intervalNanos);
    }
}
