package io.tandem.query.live;

import java.security.Principal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * Announces product-topic subscriptions as {@link LiveSubscription} events once the broker has registered them (not
 * when the frame arrives), so the current state sent to a new subscriber and presence pushes to others cannot race
 * the subscription itself. Decoupled by events because the listeners need the messaging template, which needs the
 * channel this interceptor sits on.
 */
@Component
class SubscriptionLifecycle implements ExecutorChannelInterceptor {

    private final ApplicationEventPublisher events;

    SubscriptionLifecycle(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
            Exception ex) {
        if (ex != null || !(handler instanceof AbstractBrokerMessageHandler)) {
            return;
        }
        var headers = message.getHeaders();
        SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(headers);
        String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
        String subscriptionId = SimpMessageHeaderAccessor.getSubscriptionId(headers);
        if (sessionId == null || subscriptionId == null) {
            return;
        }
        if (type == SimpMessageType.SUBSCRIBE) {
            Principal user = SimpMessageHeaderAccessor.getUser(headers);
            // the frame as handled: with a broker relay its destination has the broker's name
            String destination = SimpMessageHeaderAccessor.getDestination(headers);
            ProductTopic.parse(destination == null ? null : RelayFrames.toClient(destination).orElse(destination))
                    .filter(topic -> user != null)
                    .ifPresent(topic -> events.publishEvent(
                            LiveSubscription.started(sessionId, subscriptionId, user.getName(), topic)));
        } else if (type == SimpMessageType.UNSUBSCRIBE) {
            events.publishEvent(LiveSubscription.ended(sessionId, subscriptionId));
        }
    }
}
