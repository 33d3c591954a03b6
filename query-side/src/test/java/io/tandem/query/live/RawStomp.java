package io.tandem.query.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket that speaks raw STOMP, frames written by hand, so that a test can send what no STOMP client would:
 * garbage commands, duplicated or huge headers, NUL in the middle, invalid UTF-8. Records every frame the server
 * sends and whether it closed the connection.
 */
final class RawStomp implements AutoCloseable {

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closedByServer = new CompletableFuture<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    private RawStomp(int port) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new Recorder())
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    static RawStomp open(int port) {
        return new RawStomp(port);
    }

    /** Sends a text message as it is. */
    RawStomp send(String text) {
        if (!closedByServer.isDone()) {
            try {
                socket.sendText(text, true).get(10, TimeUnit.SECONDS);
            } catch (Exception closedMeanwhile) {
                // the server may close while we send: that is one of the answers the tests accept
            }
        }
        return this;
    }

    /** Sends bytes as a binary message (the way to send invalid UTF-8). */
    RawStomp send(byte[] bytes) {
        if (!closedByServer.isDone()) {
            try {
                socket.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
            } catch (Exception closedMeanwhile) {
                // as above
            }
        }
        return this;
    }

    /** A frame: command, headers ("name:value" each) and body, NUL-terminated. */
    static String frame(String command, String body, String... headers) {
        return command + "\n" + String.join("\n", headers) + (headers.length > 0 ? "\n" : "") + "\n" + body + "\0";
    }

    static String connect(String user, String password) {
        return frame("CONNECT", "", "accept-version:1.2", "host:localhost", "heart-beat:0,0",
                "login:" + user, "passcode:" + password);
    }

    List<String> frames() {
        return List.copyOf(frames);
    }

    boolean hasError() {
        return frames.stream().anyMatch(frame -> frame.startsWith("ERROR"));
    }

    boolean isClosedByServer() {
        return closedByServer.isDone() || socket.isInputClosed();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Recorder implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            return onText(webSocket, StandardCharsets.UTF_8.decode(data), last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedByServer.complete(-1);
        }
    }
}
