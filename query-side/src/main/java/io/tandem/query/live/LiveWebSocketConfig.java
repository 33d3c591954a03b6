package io.tandem.query.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP over plain WebSocket at {@code /ws}: origins from configuration, CONNECT authenticated, SUBSCRIBE authorized,
 * inbound frames limited in size, the messages to one session delivered in the order they were published. {@code
 * /topic} is served by the in-memory broker, or, with {@code tandem.live.relay.enabled}, relayed to a STOMP broker so
 * that a push made on one query-side node reaches the sessions of every node.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class LiveWebSocketConfig implements WebSocketMessageBrokerConfigurer {

    private final LiveProperties properties;
    private final StompConnectAuthenticator authenticator;
    private final SubscriptionGuard guard;
    private final SubscriptionLifecycle lifecycle;
    private final TaskScheduler brokerScheduler;
    private final RelayFrames towardsBroker = RelayFrames.towardsBroker();

    LiveWebSocketConfig(LiveProperties properties, StompConnectAuthenticator authenticator, SubscriptionGuard guard,
            SubscriptionLifecycle lifecycle,
            @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler brokerScheduler) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.brokerScheduler = brokerScheduler;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                .addInterceptors(new ClientAddress());
        // no setPreserveReceiveOrder(true): its ordered channel swallows a refusal instead of sending the ERROR frame
        registry.setErrorHandler(new StompErrors(properties.messageSizeLimitBytes()));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        long heartbeat = properties.heartbeat().toMillis();
        LiveProperties.Relay relay = properties.relay();
        if (relay.enabled()) {
            registry.enableStompBrokerRelay("/topic")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.port())
                    .setClientLogin(relay.login())
                    .setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login())
                    .setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost())
                    .setSystemHeartbeatSendInterval(heartbeat)
                    .setSystemHeartbeatReceiveInterval(heartbeat);
            registry.configureBrokerChannel().interceptors(towardsBroker);
        } else {
            registry.enableSimpleBroker("/topic")
                    .setTaskScheduler(brokerScheduler)
                    .setHeartbeatValue(new long[] {heartbeat, heartbeat});
        }
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(properties.messageSizeLimitBytes());
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authenticator, guard, lifecycle);
        if (properties.relay().enabled()) {
            registration.interceptors(towardsBroker);
        }
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        if (properties.relay().enabled()) {
            registration.interceptors(RelayFrames.towardsClients());
        }
    }

    /**
     * The servlet container's WebSocket buffers hold a little more than the STOMP limit, so that an oversized frame
     * reaches STOMP and is answered with an ERROR frame (much larger ones are cut off by the container). Tomcat
     * allocates both buffers for every session when it opens (text as chars: two bytes each): 48 KiB a session at the
     * default 8 KB limit; at 64 KB it was 384 KiB, and a 512 MiB node ran out of heap at about 1,050 sessions.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(2 * properties.messageSizeLimitBytes());
        container.setMaxBinaryMessageBufferSize(2 * properties.messageSizeLimitBytes());
        return container;
    }
}
