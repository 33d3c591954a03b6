package io.tandem.query.live;

import io.tandem.query.dashboard.DashboardQueries;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new subscriber gets the current state at once, and only they do: the current dashboard on the dashboard topic,
 * the current watchers on the presence topic. (Decisions are caught up with {@code GET …/decisions?after=}.)
 */
@Component
class CurrentStateOnSubscribe {

    private final DashboardQueries dashboards;
    private final PresenceTracker presence;
    private final SubscriberMessages messages;

    CurrentStateOnSubscribe(DashboardQueries dashboards, PresenceTracker presence, SubscriberMessages messages) {
        this.dashboards = dashboards;
        this.presence = presence;
        this.messages = messages;
    }

    @EventListener
    void on(LiveSubscription subscription) {
        if (!subscription.subscribed()) {
            return;
        }
        String productId = subscription.topic().productId();
        switch (subscription.topic().kind()) {
            case DASHBOARD -> dashboards.current(productId).ifPresent(view -> messages.send(subscription, view));
            case PRESENCE -> messages.send(subscription, presence.presence(productId));
            default -> {
            }
        }
    }
}
