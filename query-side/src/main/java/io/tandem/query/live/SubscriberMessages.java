package io.tandem.query.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a message to one subscription of one session only (the current state for a new subscriber), straight onto
 * the outbound channel instead of through the broker, which would deliver it to every subscriber of the topic.
 */
@Component
class SubscriberMessages {

    private final MessageChannel clientOutboundChannel;
    private final MessageConverter converter;

    SubscriberMessages(@Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel,
            SimpMessagingTemplate brokerMessagingTemplate) {
        this.clientOutboundChannel = clientOutboundChannel;
        this.converter = brokerMessagingTemplate.getMessageConverter();
    }

    void send(LiveSubscription subscription, Object payload) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(subscription.sessionId());
        headers.setSubscriptionId(subscription.subscriptionId());
        headers.setDestination(subscription.topic().destination());
        headers.setLeaveMutable(true);
        Message<?> message = converter.toMessage(payload, headers.getMessageHeaders());
        if (message == null) {
            throw new IllegalStateException("Cannot convert " + payload.getClass().getSimpleName() + " to a message");
        }
        clientOutboundChannel.send(message);
    }
}
