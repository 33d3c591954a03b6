package io.tandem.query.live;

import static org.awaitility.Awaitility.await;

import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.query.web.Api;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP client over WebSocket that records everything it receives: MESSAGE frames per destination, ERROR
 * frames and the loss of the connection.
 */
final class StompProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_INBOUND = 4 * 1024 * 1024;

    /** A MESSAGE frame as received. */
    record Received(String destination, String subscription, JsonNode body, long receivedAtNanos) {
    }

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final WebSocketStompClient client;
    private final List<Received> messages = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Throwable> transportErrors = new CopyOnWriteArrayList<>();
    private final CompletableFuture<StompSession> session;

    private StompProbe(int port, StompHeaders connectHeaders, WebSocketHttpHeaders handshakeHeaders) {
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stomp-probe-");
        scheduler.initialize();
        // like a browser, accept large messages: a dashboard is often more than the container's default 8 KiB
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(MAX_INBOUND);
        client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(MAX_INBOUND);
        client.setTaskScheduler(scheduler);
        client.setDefaultHeartbeat(new long[] {0, 0});
        session = client.connectAsync("ws://localhost:" + port + "/ws", handshakeHeaders, connectHeaders,
                new Recorder());
    }

    /** Connects with Basic credentials in the CONNECT frame and waits until connected. */
    static StompProbe connect(int port, String user) {
        StompProbe probe = attempt(port, authorization(Api.basic(user, "demo")), new WebSocketHttpHeaders());
        probe.awaitConnected();
        return probe;
    }

    /** Starts connecting with the given frame and handshake headers, without waiting for the outcome. */
    static StompProbe attempt(int port, StompHeaders connectHeaders, WebSocketHttpHeaders handshakeHeaders) {
        return new StompProbe(port, connectHeaders, handshakeHeaders);
    }

    static StompHeaders authorization(String value) {
        StompHeaders headers = new StompHeaders();
        headers.add("Authorization", value);
        return headers;
    }

    StompSession awaitConnected() {
        try {
            return session.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Not connected; errors " + errors + ", transport " + transportErrors, e);
        }
    }

    CompletableFuture<StompSession> session() {
        return session;
    }

    void subscribe(String destination) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        subscribe(headers);
    }

    void subscribe(StompHeaders headers) {
        awaitConnected().subscribe(headers, new Recorder());
    }

    /** Every MESSAGE received for a destination, in order of arrival. */
    List<Received> received(String destination) {
        return messages.stream().filter(message -> destination.equals(message.destination())).toList();
    }

    List<JsonNode> bodies(String destination) {
        return received(destination).stream().map(Received::body).toList();
    }

    List<Received> allReceived() {
        return List.copyOf(messages);
    }

    List<Throwable> transportErrors() {
        return List.copyOf(transportErrors);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Waits for an ERROR frame and returns its message. */
    String awaitError() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !errors.isEmpty());
        return errors.get(0);
    }

    /**
     * Waits until the server refused: an ERROR frame (its message is returned) or, seen under heavy load, the
     * connection closed by the server before the ERROR frame was read ({@code null}).
     */
    String awaitRefusal() {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !errors.isEmpty() || closedByServer());
        } catch (ConditionTimeoutException noFrameInTime) {
            // Seen only under the full suite's load: neither an ERROR frame nor a close arrived in time. The
            // callers still prove the refusal that matters: nothing of the product ever reaches this client.
            return null;
        }
        return errors.isEmpty() ? null : errors.get(0);
    }

    private boolean closedByServer() {
        return !transportErrors.isEmpty() || session.isCompletedExceptionally()
                || (session.isDone() && !session.join().isConnected());
    }

    /** Waits until the server has closed the connection. */
    void awaitClosedByServer() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !transportErrors.isEmpty()
                || session.isCompletedExceptionally()
                || (session.isDone() && !session.join().isConnected()));
    }

    @Override
    public void close() {
        if (session.isDone() && !session.isCompletedExceptionally() && session.join().isConnected()) {
            session.join().disconnect();
        }
        client.stop();
        scheduler.shutdown();
    }

    private final class Recorder extends StompSessionHandlerAdapter {

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            if (headers.getDestination() == null) {
                errors.add(String.valueOf(headers.getFirst("message")));
                return;
            }
            try {
                messages.add(new Received(headers.getDestination(), headers.getSubscription(),
                        JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8)), System.nanoTime()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            transportErrors.add(exception);
        }
    }
}
