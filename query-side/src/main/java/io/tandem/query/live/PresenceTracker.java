package io.tandem.query.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Presence: which users have a session subscribed to a product's dashboard. Kept in memory per query-side node
 * (sessions live on one node); every change of a product's watchers is pushed to its presence topic.
 */
@Component
class PresenceTracker {

    /** A session's user and its dashboard subscriptions: subscription id to product id. */
    private record Watching(String userId, Map<String, String> productBySubscription) {
    }

    private final SimpMessagingTemplate template;
    private final Map<String, Watching> sessions = new HashMap<>();
    private final Map<String, List<String>> published = new HashMap<>();

    PresenceTracker(SimpMessagingTemplate brokerMessagingTemplate) {
        this.template = brokerMessagingTemplate;
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

    /** The current watchers of a product. */
    synchronized PresenceView presence(String productId) {
        Set<String> watchers = new TreeSet<>();
        sessions.values().forEach(watching -> {
            if (watching.productBySubscription().containsValue(productId)) {
                watchers.add(watching.userId());
            }
        });
        return new PresenceView(productId, new ArrayList<>(watchers));
    }

    /**
     * Applies a change that names the products it touched, then pushes those whose watchers changed. Pushes happen
     * under the lock so that two changes cannot overtake each other on their way to the broker.
     */
    private synchronized void change(Supplier<Set<String>> change) {
        for (String productId : change.get()) {
            PresenceView now = presence(productId);
            if (now.watchers().equals(published.getOrDefault(productId, List.of()))) {
                continue;
            }
            if (now.watchers().isEmpty()) {
                published.remove(productId);
            } else {
                published.put(productId, now.watchers());
            }
            template.convertAndSend(ProductTopic.of(productId, ProductTopic.Kind.PRESENCE).destination(), now);
        }
    }
}
