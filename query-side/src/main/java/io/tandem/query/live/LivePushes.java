package io.tandem.query.live;

import io.tandem.query.updates.AlertChanged;
import io.tandem.query.updates.DashboardUpdated;
import io.tandem.query.updates.DecisionLogged;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes read-model changes to the product's topics: dashboards through the coalescer, each new decision and each
 * alert that starts or clears as it happens, each only when someone is subscribed to its topic
 * ({@link TopicSubscribers}). The read models publish these only for live events, never in a replay.
 */
@Component
class LivePushes {

    private final SimpMessagingTemplate template;
    private final TopicSubscribers subscribers;
    private final DashboardPushCoalescer dashboards;
    private final LiveMetrics metrics;

    LivePushes(SimpMessagingTemplate brokerMessagingTemplate, TopicSubscribers subscribers,
               DashboardPushCoalescer dashboards, LiveMetrics metrics) {
        this.template = brokerMessagingTemplate;
        this.subscribers = subscribers;
        this.dashboards = dashboards;
        this.metrics = metrics;
    }

    @EventListener
    void on(DashboardUpdated update) {
        dashboards.offer(update);
    }

    @EventListener
    void on(DecisionLogged logged) {
        String destination = ProductTopic.of(logged.productId(), ProductTopic.Kind.DECISIONS).destination();
        if (subscribers.anyoneOn(destination)) {
            template.convertAndSend(destination, logged.entry());
            metrics.pushed(ProductTopic.Kind.DECISIONS, logged.entry().timestamp());
        }
    }

    @EventListener
    void on(AlertChanged change) {
        String destination = ProductTopic.of(change.productId(), ProductTopic.Kind.ALERTS).destination();
        if (subscribers.anyoneOn(destination)) {
            template.convertAndSend(destination, AlertNotice.of(change.productId(), change.alert(), change.active()));
        }
    }
}
