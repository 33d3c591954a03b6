package io.tandem.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A minimal STOMP 1.2 client over the JDK's WebSocket, for one dashboard subscription: CONNECT with the user's
 * login and passcode (no heartbeats), SUBSCRIBE to {@code /topic/products/{id}/dashboard}, and the arrival time and
 * {@code version} of every dashboard frame, kept for the analysis after a run.
 */
final class StompSession implements WebSocket.Listener {

    final int index;
    final BenchProduct product;
    private final String user;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<StompSession> firstFrame = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile CompletableFuture<WebSocket> connectSent;
    private volatile String failure;
    private long[] versions = new long[16];
    private long[] arrivals = new long[16];
    private int frames;

    private StompSession(int index, BenchProduct product, String user) {
        this.index = index;
        this.product = product;
        this.user = user;
    }

    /** Opens the session and subscribes; completes when the current dashboard (sent on SUBSCRIBE) has arrived. */
    static CompletableFuture<StompSession> open(HttpClient client, URI ws, int index, BenchProduct product,
            String user) {
        StompSession session = new StompSession(index, product, user);
        client.newWebSocketBuilder().buildAsync(ws, session).whenComplete((socket, error) -> {
            if (error != null) {
                session.fail("handshake: " + error);
            }
        });
        return session.firstFrame;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
        connectSent = webSocket.sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nlogin:" + user
                + "\npasscode:demo\nheart-beat:0,0\n\n\0", true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long arrived = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            frame(webSocket, text, arrived);
        }
        webSocket.request(1);
        return null;
    }

    private void frame(WebSocket webSocket, String text, long arrived) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++; // heartbeats
        }
        if (start == text.length()) {
            return;
        }
        if (text.startsWith("CONNECTED", start)) {
            connectSent.thenRun(() -> webSocket.sendText(
                    "SUBSCRIBE\nid:0\ndestination:/topic/products/" + product.id + "/dashboard\n\n\0", true));
        } else if (text.startsWith("MESSAGE", start)) {
            record(version(text), arrived);
        } else if (text.startsWith("ERROR", start)) {
            int message = text.indexOf("message:");
            fail("ERROR frame: " + (message < 0 ? text : text.substring(message, text.indexOf('\n', message))));
        }
    }

    private static long version(String text) {
        int at = text.indexOf("\"version\":");
        if (at < 0) {
            return -1;
        }
        long version = 0;
        for (int i = at + 10; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            version = version * 10 + text.charAt(i) - '0';
        }
        return version;
    }

    private synchronized void record(long version, long arrived) {
        if (frames == versions.length) {
            versions = Arrays.copyOf(versions, frames * 2);
            arrivals = Arrays.copyOf(arrivals, frames * 2);
        }
        versions[frames] = version;
        arrivals[frames++] = arrived;
        firstFrame.complete(this);
    }

    /** Arrival ({@link System#nanoTime()}) of the first frame with at least this version; -1 if none arrived. */
    synchronized long arrivalOf(long version) {
        for (int i = 0; i < frames; i++) {
            if (versions[i] >= version) {
                return arrivals[i];
            }
        }
        return -1;
    }

    synchronized int frames() {
        return frames;
    }

    /** Forgets the frames received so far (between the steps of a run). */
    synchronized void forget() {
        frames = 0;
    }

    String failure() {
        return failure;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        fail("closed by the server: " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail("error: " + error);
    }

    private void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        firstFrame.completeExceptionally(new IllegalStateException("session " + index + ": " + why));
    }

    void close() {
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
    }
}
