package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real STOMP-over-WebSocket client of the query side, recording what arrives per destination and any error. */
final class LiveClient implements AutoCloseable {

    record Received(String destination, JsonNode payload, long receivedAtMillis) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    private final WebSocketStompClient client;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private StompSession session;
    private String description = "not connected";

    LiveClient() {
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stomp-test-");
        scheduler.initialize();
        // the container's default 8 KiB text buffer closes the connection on a dashboard with a dozen items
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
        client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(1024 * 1024);
        client.setMessageConverter(new MappingJackson2MessageConverter());
        client.setTaskScheduler(scheduler);
    }

    /** Connects with the user's credentials in the CONNECT frame ({@code null}: no credentials). */
    LiveClient connect(String wsUrl, String user) throws Exception {
        StompHeaders connectHeaders = new StompHeaders();
        if (user != null) {
            connectHeaders.add("Authorization", Api.basic(user));
        }
        session = client.connectAsync(wsUrl, new WebSocketHttpHeaders(), connectHeaders, new Handler())
                        .get(20, TimeUnit.SECONDS);
        description = user + " on " + wsUrl;
        return this;
    }

    void subscribe(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add(new Received(destination, (JsonNode) payload, System.currentTimeMillis()));
            }
        });
    }

    List<Received> on(String destination) {
        return received.stream().filter(r -> r.destination().equals(destination)).toList();
    }

    boolean connected() {
        return session != null && session.isConnected();
    }

    @Override
    public String toString() {
        return "client " + description + " (received " + received.size() + ", errors " + errors + ")";
    }

    @Override
    public void close() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
        client.stop();
        scheduler.shutdown();
    }

    private final class Handler extends StompSessionHandlerAdapter {
        @Override
        public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            errors.add("exception: " + exception);
        }

        @Override
        public void handleTransportError(StompSession s, Throwable exception) {
            errors.add("transport: " + exception);
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add("ERROR frame: " + headers.getFirst("message"));
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }
    }
}
