package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import io.tandem.system.ExactlyOnceAudit.Request;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client that plans roadmap items, each with its own {@code Idempotency-Key}, and retries a request with the same
 * key until it has a final answer: anything but no answer, a 5xx or a 409 "still in progress" (which a crash leaves
 * until the pending timeout). Every attempt is kept with its answer and how long it took.
 */
final class IdempotentClient {

    /** One attempt: its status (-1: no answer), problem type, whether it got "in progress", and its duration. */
    record Attempt(int status, String problem, boolean inProgress, long startedAtMillis, long millis) {
    }

    /** The final answer to one key, after its attempts. */
    record Outcome(String key, List<Attempt> attempts, int status, boolean replayed, String id, long version) {

        boolean accepted() {
            return status / 100 == 2;
        }

        /** Whether the first attempt got no answer at all (the connection was cut or refused). */
        boolean cutOff() {
            return attempts.get(0).status() < 0;
        }
    }

    private final RawApi api;

    IdempotentClient(String commandSide) {
        this.api = new RawApi(commandSide, Duration.ofSeconds(60));
    }

    Outcome planRoadmapItem(String productId, String key) throws InterruptedException {
        String body = "{\"title\":\"" + key + "\",\"horizon\":\"NEXT\",\"rationale\":\"reliability\"}";
        List<Attempt> attempts = new ArrayList<>();
        while (true) {
            long started = System.currentTimeMillis();
            RawApi.Answer answer = api.post("pm", "/api/products/" + productId + "/roadmap-items", body,
                    Map.of("Idempotency-Key", key, "X-Correlation-Id", key + "-a" + (attempts.size() + 1)));
            boolean inProgress = answer.status() == 409 && answer.header("Retry-After") != null;
            attempts.add(new Attempt(answer.status(), answer.body().path("type").asText(null), inProgress, started,
                                     System.currentTimeMillis() - started));
            if (answer.answered() && answer.status() < 500 && !inProgress) {
                return new Outcome(key, attempts, answer.status(), "true".equals(answer.header("Idempotent-Replayed")),
                                   answer.body().path("id").asText(null), answer.body().path("version").asLong(-1));
            }
            Thread.sleep(answer.answered() ? 200 : 50); // a client's back-off before it retries
        }
    }

    /** Creates {@code count} products as pm and answers their ids. */
    static List<String> newProducts(String commandSide, int count) {
        Api setup = new Api(commandSide);
        List<String> products = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            products.add(setup.post("pm", "/api/products", "{\"name\":\"Reliability " + p + " " + UUID.randomUUID()
                    + "\"}").get("id").asText());
        }
        return products;
    }

    /**
     * Asserts that every key was answered 2xx in the end and has exactly one stored event, which its answer names
     * (roadmap item and version), and that no event has a key no client used; answers the audit for its figures.
     */
    static ExactlyOnceAudit assertExactlyOnce(Collection<Outcome> outcomes, List<StoredEvent> events) {
        ExactlyOnceAudit audit = ExactlyOnceAudit.of(
                outcomes.stream().map(o -> new Request(o.key(), o.accepted())).toList(), keyed(events),
                e -> e.meta("idempotencyKey"));
        assertThat(outcomes).as("every key answered 2xx in the end").allMatch(Outcome::accepted);
        assertThat(audit.lost()).as("acknowledged but not stored").isEmpty();
        assertThat(audit.duplicated()).as("stored twice under one Idempotency-Key").isEmpty();
        assertThat(audit.unclaimed()).as("stored under no key a client used").isEmpty();
        assertThat(answersNotMatchingTheirEvent(outcomes, events))
                .as("answers that do not name their event's item and version").isEmpty();
        return audit;
    }

    /** The accepted outcomes whose answer does not name their event's roadmap item and sequence number. */
    private static List<String> answersNotMatchingTheirEvent(Collection<Outcome> outcomes, List<StoredEvent> events) {
        Map<String, StoredEvent> byKey = keyed(events).stream()
                .collect(Collectors.toMap(e -> e.meta("idempotencyKey"), Function.identity(), (a, b) -> a));
        return outcomes.stream().filter(Outcome::accepted).filter(o -> {
            StoredEvent event = byKey.get(o.key());
            return event == null || !event.payload().getString("roadmapItemId").equals(o.id())
                    || event.sequenceNumber() != o.version();
        }).map(Outcome::toString).toList();
    }

    private static List<StoredEvent> keyed(List<StoredEvent> events) {
        return events.stream().filter(e -> e.meta("idempotencyKey") != null).toList();
    }

    /**
     * Starts {@code clients} threads that each plan roadmap items one after the other (keys
     * {@code <prefix>-<client>-<n>}, products in turn) until {@link Load#stop()}.
     */
    Load load(int clients, List<String> products, String prefix) {
        return new Load(this, clients, products, prefix);
    }

    /** Clients sending commands, and the outcome of every key so far. */
    static final class Load {

        final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final ExecutorService pool;
        private final List<Future<?>> running = new ArrayList<>();

        private Load(IdempotentClient client, int clients, List<String> products, String prefix) {
            pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int id = c;
                running.add(pool.submit(() -> {
                    for (int n = 0; !stopped.get(); n++) {
                        outcomes.add(client.planRoadmapItem(products.get(id % products.size()),
                                                            prefix + "-" + id + "-" + n));
                    }
                    return null;
                }));
            }
        }

        /** Lets every client finish the key it is on (until answered) and waits for them. */
        List<Outcome> stop() throws Exception {
            stopped.set(true);
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            return List.copyOf(outcomes);
        }
    }
}
