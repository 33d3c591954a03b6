package io.tandem.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * STOMP sessions on the query side, each subscribed to one product's dashboard (session i to product i modulo the
 * number of products, as pm or po in turn), spread over a few HTTP clients; and the delivery analysis of a run:
 * for every command answered 2xx and every session on its product, the time from the answer to the first frame
 * carrying the command's version (or a later one: pushes are coalesced).
 */
final class LiveSessions implements AutoCloseable {

    /** What arrived for a run: command-to-frame latencies, frames delivered of those expected. */
    record Delivery(Latencies latencies, long delivered, long expected, long early) {

        double percentDelivered() {
            return expected == 0 ? 100 : 100.0 * delivered / expected;
        }
    }

    private static final int CLIENTS = 4;
    private static final int CONNECTING_AT_ONCE = 32;

    private final URI endpoint;
    private final List<BenchProduct> products;
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<StompSession> sessions = new ArrayList<>();
    private int failed;

    LiveSessions(URI endpoint, List<BenchProduct> products) {
        this.endpoint = endpoint;
        this.products = products;
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    /** Opens sessions until {@code total} are open, printing progress; answers how many failed to open. */
    int growTo(int total) throws InterruptedException {
        long started = System.nanoTime();
        Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int from = sessions.size() + failed;
        List<CompletableFuture<StompSession>> opening = new ArrayList<>();
        Progress progress = Progress.every(10, () -> String.format(Locale.ROOT,
                "  sessions: %d of %d opened, %d failed", from + opened.get(), total, failures.get()));
        for (int i = from; i < total; i++) {
            slots.acquire();
            CompletableFuture<StompSession> session = StompSession.open(clients.get(i % CLIENTS), endpoint, i,
                    products.get(i % products.size()), i % 2 == 0 ? "pm" : "po")
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((open, error) -> {
                        slots.release();
                        (error == null ? opened : failures).incrementAndGet();
                    });
            opening.add(session);
        }
        for (CompletableFuture<StompSession> session : opening) {
            try {
                sessions.add(session.join());
            } catch (RuntimeException notOpened) {
                if (failed++ < 3) {
                    System.out.println("  a session failed: " + notOpened.getMessage());
                }
            }
        }
        progress.stop();
        System.out.printf(Locale.ROOT, "  %d sessions open (%d failed) after %.1f s%n", sessions.size(), failed,
                (System.nanoTime() - started) / 1e9);
        return failures.get();
    }

    int open() {
        return sessions.size();
    }

    /** Sessions the server closed or that saw an error since they opened. */
    long broken() {
        return sessions.stream().filter(s -> s.failure() != null).count();
    }

    long frames() {
        return sessions.stream().mapToLong(StompSession::frames).sum();
    }

    void forgetFrames() {
        sessions.forEach(StompSession::forget);
    }

    /** The delivery of a run, waiting up to {@code grace} after it for frames still missing. */
    Delivery delivery(List<CommandMix.Sent> sent, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        Delivery delivery = analyze(sent);
        while (delivery.delivered() < delivery.expected() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            delivery = analyze(sent);
        }
        return delivery;
    }

    private Delivery analyze(List<CommandMix.Sent> sent) {
        List<List<StompSession>> byProduct = new ArrayList<>();
        products.forEach(p -> byProduct.add(new ArrayList<>()));
        sessions.forEach(s -> byProduct.get(s.product.index).add(s));
        Latencies latencies = new Latencies();
        long delivered = 0;
        long expected = 0;
        long early = 0;
        for (CommandMix.Sent command : sent) {
            if (!command.ok()) {
                continue;
            }
            for (StompSession session : byProduct.get(command.product().index)) {
                expected++;
                long arrival = session.arrivalOf(command.expectedVersion());
                if (arrival >= 0) {
                    delivered++;
                    long latency = arrival - command.answeredNanos();
                    early += latency < 0 ? 1 : 0;
                    latencies.add(Math.max(0, latency));
                }
            }
        }
        return new Delivery(latencies, delivered, expected, early);
    }

    @Override
    public void close() {
        sessions.forEach(StompSession::close);
        sessions.clear();
    }
}
