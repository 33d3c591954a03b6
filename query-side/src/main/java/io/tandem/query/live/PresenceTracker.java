package io.tandem.query.live;

import com.mongodb.MongoException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Presence: which users have a session subscribed to a product's dashboard, on any query-side node. Sessions live on
 * one node, which reports its own watchers to {@link SharedPresence} whenever they change and refreshes its reports
 * three times per TTL; every change of a product's watchers (here, or seen at a refresh: a node joined, left or died)
 * is pushed to its presence topic.
 */
@Component
class PresenceTracker {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceTracker.class);

    /** A session's user and its dashboard subscriptions: subscription id to product id. */
    private record Watching(String userId, Map<String, String> productBySubscription) {
    }

    private final SimpMessagingTemplate template;
    private final SharedPresence shared;
    private final TaskScheduler scheduler;
    private final Duration refreshInterval;
    private final Map<String, Watching> sessions = new HashMap<>();
    private final Map<String, List<String>> published = new HashMap<>();
    private ScheduledFuture<?> refreshing;

    PresenceTracker(SimpMessagingTemplate brokerMessagingTemplate, SharedPresence shared,
            @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler, LiveProperties properties) {
        this.template = brokerMessagingTemplate;
        this.shared = shared;
        this.scheduler = scheduler;
        this.refreshInterval = properties.presenceTtl().dividedBy(3);
    }

    @PostConstruct
    void start() {
        refreshing = scheduler.scheduleWithFixedDelay(this::refresh, refreshInterval);
    }

    /** Takes this node's watchers out of the shared presence (the other nodes push the change at their refresh). */
    @PreDestroy
    synchronized void stop() {
        if (refreshing != null) {
            refreshing.cancel(false);
        }
        Set<String> watched = new HashSet<>();
        sessions.values().forEach(watching -> watched.addAll(watching.productBySubscription().values()));
        sessions.clear();
        watched.forEach(productId -> report(productId, false));
    }

    @EventListener
    void on(LiveSubscription subscription) {
        if (!subscription.subscribed()) {
            change(() -> {
                Watching watching = sessions.get(subscription.sessionId());
                String productId = watching == null ? null
                        : watching.productBySubscription().remove(subscription.subscriptionId());
                return productId == null ? Set.of() : Set.of(productId);
            });
        } else if (subscription.topic().kind() == ProductTopic.Kind.DASHBOARD) {
            change(() -> {
                sessions.computeIfAbsent(subscription.sessionId(),
                                id -> new Watching(subscription.userId(), new HashMap<>()))
                        .productBySubscription().put(subscription.subscriptionId(), subscription.topic().productId());
                return Set.of(subscription.topic().productId());
            });
        }
    }

    @EventListener
    void on(SessionDisconnectEvent disconnect) {
        change(() -> {
            Watching watching = sessions.remove(disconnect.getSessionId());
            return watching == null ? Set.of() : new HashSet<>(watching.productBySubscription().values());
        });
    }

    /** The current watchers of a product, on every node. */
    PresenceView presence(String productId) {
        return new PresenceView(productId, shared.watchers(productId));
    }

    /** Renews this node's reports and pushes the products whose watchers changed elsewhere since the last push. */
    synchronized void refresh() {
        Set<String> products = new HashSet<>(published.keySet());
        sessions.values().forEach(watching -> products.addAll(watching.productBySubscription().values()));
        products.forEach(productId -> report(productId, true));
    }

    /**
     * Applies a change that names the products it touched, then reports and pushes them. Pushes happen under the lock
     * so that two changes on this node cannot overtake each other on their way to the broker.
     */
    private synchronized void change(Supplier<Set<String>> change) {
        change.get().forEach(productId -> report(productId, true));
    }

    /** Reports this node's watchers of a product and, if asked, pushes its watchers when they changed. */
    private void report(String productId, boolean push) {
        Set<String> local = new TreeSet<>();
        sessions.values().forEach(watching -> {
            if (watching.productBySubscription().containsValue(productId)) {
                local.add(watching.userId());
            }
        });
        try {
            shared.vouch(productId, local);
            if (push) {
                pushIfChanged(productId);
            }
        } catch (MongoException e) {
            LOG.warn("Presence of product {} not updated, retried at the next refresh: {}", productId, e.toString());
        }
    }

    private void pushIfChanged(String productId) {
        PresenceView now = presence(productId);
        if (now.watchers().equals(published.getOrDefault(productId, List.of()))) {
            return;
        }
        if (now.watchers().isEmpty()) {
            published.remove(productId);
        } else {
            published.put(productId, now.watchers());
        }
        template.convertAndSend(ProductTopic.of(productId, ProductTopic.Kind.PRESENCE).destination(), now);
    }
}
