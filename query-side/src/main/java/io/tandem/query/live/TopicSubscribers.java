package io.tandem.query.live;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Whether a push to a topic would reach anyone, asked before a push is rendered and serialized. With the in-memory
 * broker that is its own subscription registry — exactly the subscriptions the push would be delivered to, so a push
 * skipped here is one the broker would have dropped. With a relay the subscribers are on the broker (and on other
 * nodes), unknown here, so every push goes out.
 */
@Component
class TopicSubscribers {

    private final SubscriptionRegistry registry;

    /** Spring's in-memory broker is the bean {@code simpleBrokerMessageHandler}, null while the relay is used. */
    @Autowired
    TopicSubscribers(@Qualifier("simpleBrokerMessageHandler") ObjectProvider<AbstractBrokerMessageHandler> broker) {
        this(broker.getIfAvailable() instanceof SimpleBrokerMessageHandler simple ? simple.getSubscriptionRegistry()
                : null);
    }

    /** Asks {@code registry}, or nobody (every push goes out) when it is null. */
    TopicSubscribers(SubscriptionRegistry registry) {
        this.registry = registry;
    }

    /** True unless the in-memory broker serves the topic and has no subscription to it. */
    boolean anyoneOn(String destination) {
        if (registry == null) {
            return true;
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        return !registry.findSubscriptions(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()))
                        .isEmpty();
    }
}
