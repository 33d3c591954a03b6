package io.tandem.query.live;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Adapts frames to a STOMP broker relay (RabbitMQ): its {@code /topic/} destinations are routing keys, which may not
 * contain {@code /}, so a product topic travels as {@code /topic/products.{id}.{kind}} between this node and the broker
 * while clients keep seeing {@code /topic/products/{id}/{kind}}. A client's credentials are checked by Tandem and never
 * forwarded: the relay connects to the broker with its own login.
 *
 * <p>Installed on the client inbound channel after authentication and authorization, on the broker channel (pushes
 * of this node) and on the client outbound channel (messages from the broker).
 */
final class RelayFrames implements ChannelInterceptor {

    private static final String PUBLIC_PREFIX = "/topic/products/";
    private static final String BROKER_PREFIX = "/topic/products.";
    private static final Pattern BROKER_TOPIC =
            Pattern.compile("/topic/products\\.([A-Za-z0-9_.:-]{1,200})\\.(dashboard|decisions|alerts|presence)");

    private final boolean towardsBroker;

    private RelayFrames(boolean towardsBroker) {
        this.towardsBroker = towardsBroker;
    }

    /** For frames on their way to the broker: from clients (after authorization) and this node's pushes. */
    static RelayFrames towardsBroker() {
        return new RelayFrames(true);
    }

    /** For frames on their way to clients: messages from the broker. */
    static RelayFrames towardsClients() {
        return new RelayFrames(false);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (!(MessageHeaderAccessor.getAccessor(message, MessageHeaderAccessor.class)
                instanceof StompHeaderAccessor)) {
            // a push of this node (SimpMessagingTemplate): the relay makes its STOMP headers from these
            SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.wrap(message);
            Optional<String> translated = translate(accessor.getDestination());
            translated.ifPresent(accessor::setDestination);
            return translated.isEmpty() ? message : rebuilt(message, accessor);
        }
        StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
        if (towardsBroker && (accessor.getCommand() == StompCommand.CONNECT
                || accessor.getCommand() == StompCommand.STOMP)) {
            accessor.removeNativeHeader("Authorization");
            accessor.removeNativeHeader("authorization");
            return rebuilt(message, accessor);
        }
        Optional<String> translated = translate(accessor.getDestination());
        if (translated.isEmpty()) {
            return message;
        }
        accessor.setDestination(translated.get());
        accessor.setNativeHeader(StompHeaderAccessor.STOMP_DESTINATION_HEADER, translated.get());
        return rebuilt(message, accessor);
    }

    private Optional<String> translate(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        return towardsBroker ? toBroker(destination) : toClient(destination);
    }

    /** The broker's name of a product topic ({@code /topic/products.{id}.{kind}}). */
    static Optional<String> toBroker(String destination) {
        return ProductTopic.parse(destination)
                           .map(topic -> BROKER_PREFIX + topic.productId() + "." + topic.kind().segment());
    }

    /** The public name of a product topic the broker names. */
    static Optional<String> toClient(String destination) {
        if (!destination.startsWith(BROKER_PREFIX)) {
            return Optional.empty();
        }
        Matcher matcher = BROKER_TOPIC.matcher(destination);
        return matcher.matches() ? Optional.of(PUBLIC_PREFIX + matcher.group(1) + "/" + matcher.group(2))
                : Optional.empty();
    }

    /** The message with the changed headers, which stay mutable as the relay and the protocol handler expect. */
    private static Message<?> rebuilt(Message<?> message, SimpMessageHeaderAccessor accessor) {
        accessor.setLeaveMutable(true);
        return MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders());
    }
}
