package io.tandem.query.live;

import io.tandem.query.membership.Membership;
import java.security.Principal;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Authorizes every SUBSCRIBE: only a product's own topics, and only for its members (SPEC §2: every role may read).
 * Clients send nothing to the server, so SEND is refused too. A refused frame ends the connection with an ERROR frame;
 * the message is the same for an unknown product and a product the user is not a member of.
 */
@Component
class SubscriptionGuard implements ChannelInterceptor {

    private final Membership membership;

    SubscriptionGuard(Membership membership) {
        this.membership = membership;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        if (StompCommand.SEND.equals(accessor.getCommand())) {
            throw new FrameRefusedException("Clients cannot send messages here; use the REST API.");
        }
        if (StompCommand.SUBSCRIBE.equals(accessor.getCommand())) {
            authorize(accessor.getUser(), accessor.getDestination());
        }
        return message;
    }

    private void authorize(Principal user, String destination) {
        if (user == null) {
            throw new FrameRefusedException("Connect with credentials before subscribing.");
        }
        ProductTopic topic = ProductTopic.parse(destination).orElseThrow(() -> new FrameRefusedException(
                "Unknown destination. Subscribe to /topic/products/{productId}/"
                        + "(dashboard|decisions|alerts|presence)."));
        if (!membership.isMember(topic.productId(), user.getName())) {
            throw new FrameRefusedException("You cannot subscribe to " + topic.destination()
                    + ": there is no such product that you are a member of.");
        }
    }
}
