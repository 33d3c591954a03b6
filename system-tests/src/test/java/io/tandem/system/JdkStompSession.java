package io.tandem.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A minimal STOMP 1.2 client on the JDK's WebSocket, light enough for hundreds of sessions in one test JVM (one
 * {@link HttpClient} serves them all; messages arrive in parts, so no per-session buffer is sized up front): CONNECT
 * with the user's {@code Authorization} header as the web page sends it (no heartbeats), SUBSCRIBE, and every MESSAGE
 * handed over as (destination, body).
 */
final class JdkStompSession implements WebSocket.Listener {

    final List<String> errors = new CopyOnWriteArrayList<>();
    private final String user;
    private final BiConsumer<String, String> messages;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<JdkStompSession> connected = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending;
    private volatile WebSocket socket;

    private JdkStompSession(String user, BiConsumer<String, String> messages) {
        this.user = user;
        this.messages = messages;
    }

    /** Opens a session; completes once the server has answered CONNECTED. */
    static CompletableFuture<JdkStompSession> connect(HttpClient http, URI ws, String user,
            BiConsumer<String, String> messages) {
        JdkStompSession session = new JdkStompSession(user, messages);
        http.newWebSocketBuilder().buildAsync(ws, session).whenComplete((socket, error) -> {
            if (error != null) {
                session.connected.completeExceptionally(error);
            }
        });
        return session.connected;
    }

    void subscribe(String id, String destination) {
        send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n\0");
    }

    /** Closes the TCP connection at once, without a STOMP DISCONNECT or a WebSocket close frame. */
    void abort() {
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
    }

    private synchronized void send(String frame) {
        sending = sending.thenCompose(open -> open.sendText(frame, true));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        synchronized (this) {
            sending = webSocket.sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nAuthorization:"
                    + Api.basic(user) + "\nheart-beat:0,0\n\n\0", true);
        }
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            frame(frame);
        }
        webSocket.request(1);
        return null;
    }

    private void frame(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++; // heartbeats
        }
        int headersEnd = text.indexOf("\n\n", start);
        if (headersEnd < 0) {
            return;
        }
        String[] head = text.substring(start, headersEnd).split("\n");
        int end = text.lastIndexOf('\0');
        String body = text.substring(headersEnd + 2, end < headersEnd ? text.length() : end);
        switch (head[0]) {
            case "CONNECTED" -> connected.complete(this);
            case "MESSAGE" -> messages.accept(header(head, "destination"), body);
            case "ERROR" -> {
                errors.add("ERROR frame: " + header(head, "message"));
                connected.completeExceptionally(new IllegalStateException("refused: " + header(head, "message")));
            }
            default -> errors.add("unexpected frame " + head[0]);
        }
    }

    private static String header(String[] head, String name) {
        for (int i = 1; i < head.length; i++) {
            if (head[i].startsWith(name + ":")) {
                return head[i].substring(name.length() + 1);
            }
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        errors.add("closed by the server: " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        connected.completeExceptionally(error);
    }
}
