package io.tandem.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

class RelayFramesTest {

    private final RelayFrames frames = RelayFrames.towardsBroker();

    @ParameterizedTest
    @ValueSource(strings = {"p-1", "a.b.c", "x:y_z", "dashboard.presence"})
    void productTopicsTravelWithoutSlashesAndComeBackUnchanged(String productId) {
        for (ProductTopic.Kind kind : ProductTopic.Kind.values()) {
            String destination = ProductTopic.of(productId, kind).destination();
            String broker = RelayFrames.toBroker(destination).orElseThrow();
            assertThat(broker).startsWith("/topic/").doesNotContain(productId + "/")
                              .isEqualTo("/topic/products." + productId + "." + kind.segment());
            assertThat(broker.substring("/topic/".length())).doesNotContain("/");
            assertThat(RelayFrames.toClient(broker)).contains(destination);
        }
    }

    @Test
    void otherDestinationsAreLeftAlone() {
        assertThat(RelayFrames.toBroker("/topic/other/thing")).isEmpty();
        assertThat(RelayFrames.toClient("/topic/products.p-1.secrets")).isEmpty();
        assertThat(RelayFrames.toClient("/queue/x")).isEmpty();
    }

    @Test
    void aSubscriptionIsRenamedForTheBrokerInNativeAndMessageHeaders() {
        StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        subscribe.setDestination("/topic/products/p-1/dashboard");
        subscribe.setSubscriptionId("sub-0");
        subscribe.setSessionId("s1");

        Message<?> relayed = frames.preSend(MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders()),
                                            null);

        StompHeaderAccessor out = StompHeaderAccessor.wrap(relayed);
        assertThat(out.getDestination()).isEqualTo("/topic/products.p-1.dashboard");
        assertThat(out.getFirstNativeHeader("destination")).isEqualTo("/topic/products.p-1.dashboard");
        assertThat(out.getSubscriptionId()).isEqualTo("sub-0");
        assertThat(out.getSessionId()).isEqualTo("s1");
    }

    @Test
    void aPushOfThisNodeIsRenamedForTheBrokerAndLeftForTheRelayToCompleteItsHeaders() {
        SimpMessageHeaderAccessor push = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        push.setDestination("/topic/products/p-1/decisions");

        Message<?> relayed = frames.preSend(MessageBuilder.createMessage("{}", push.getMessageHeaders()), null);

        assertThat(SimpMessageHeaderAccessor.getDestination(relayed.getHeaders()))
                .isEqualTo("/topic/products.p-1.decisions");
        // the relay sets the system session id on a push whose accessor is not a STOMP one it cannot change
        assertThat(MessageHeaderAccessor.getAccessor(relayed, MessageHeaderAccessor.class))
                .isNotInstanceOf(StompHeaderAccessor.class);
    }

    @Test
    void aMessageFromTheBrokerReachesTheClientUnderItsPublicName() {
        StompHeaderAccessor message = StompHeaderAccessor.create(StompCommand.MESSAGE,
                Map.of("destination", java.util.List.of("/topic/products.p-1.presence")));
        message.setDestination("/topic/products.p-1.presence");

        Message<?> delivered = RelayFrames.towardsClients()
                .preSend(MessageBuilder.createMessage(new byte[0], message.getMessageHeaders()), null);

        StompHeaderAccessor out = StompHeaderAccessor.wrap(delivered);
        assertThat(out.getDestination()).isEqualTo("/topic/products/p-1/presence");
        assertThat(out.getFirstNativeHeader("destination")).isEqualTo("/topic/products/p-1/presence");
    }

    @Test
    void theCurrentStateSentToOneSubscriberKeepsItsPublicName() {
        SimpMessageHeaderAccessor direct = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        direct.setDestination("/topic/products/p-1/dashboard");
        direct.setSessionId("s1");
        direct.setSubscriptionId("sub-0");

        Message<?> delivered = RelayFrames.towardsClients()
                .preSend(MessageBuilder.createMessage("{}", direct.getMessageHeaders()), null);

        assertThat(SimpMessageHeaderAccessor.getDestination(delivered.getHeaders()))
                .isEqualTo("/topic/products/p-1/dashboard");
    }

    @Test
    void theClientsCredentialsAreNotForwardedToTheBroker() {
        StompHeaderAccessor connect = StompHeaderAccessor.create(StompCommand.CONNECT);
        connect.setNativeHeader("Authorization", "Basic cG06ZGVtbw==");
        connect.setNativeHeader("accept-version", "1.2");

        Message<?> relayed = frames.preSend(MessageBuilder.createMessage(new byte[0], connect.getMessageHeaders()),
                                            null);

        StompHeaderAccessor out = StompHeaderAccessor.wrap(relayed);
        assertThat(out.getFirstNativeHeader("Authorization")).isNull();
        assertThat(out.getFirstNativeHeader("accept-version")).isEqualTo("1.2");
    }
}
