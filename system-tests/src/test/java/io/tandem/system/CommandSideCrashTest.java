package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import io.tandem.system.ExactlyOnceAudit.Request;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;

/**
 * The command side killed with SIGKILL while clients send commands, each with its own {@code Idempotency-Key}, and
 * started again on the same store and port. Clients retry every request that got no final answer with the same key
 * (a connection cut, a 503, a 409 "still in progress") until it is answered. Every key answered 2xx has exactly one
 * event in the store — none lost, none appended twice, also for keys a crash left PENDING and a retry took over
 * ({@code tandem.idempotency.pending-timeout} is 3 s here) — and every answer names the event's item and version.
 */
class CommandSideCrashTest {

    private static final int PRODUCTS = 4;

    /** The final answer to one idempotency key, after its attempts. */
    record Outcome(String key, int attempts, boolean leftPending, int status, boolean replayed, String id,
                   long version) {
    }

    @Test
    void everyAcknowledgedCommandIsStoredOnceAcrossKills() throws Exception {
        ReliabilityReport report = new ReliabilityReport("CommandSideCrashTest");
        int clients = ReliabilityReport.scaled(16, 32);
        int kills = ReliabilityReport.scaled(2, 8);
        EmbeddedMongoServer store = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("."),
                                                              "127.0.0.1", 0, Durability.COMMIT);
        String[] settings = {"--tandem.idempotency.pending-timeout=3s"};
        ServiceProcess commandSide = ServiceProcess.start("crash-command-side", "tandem.commandSideJar",
                                                          store.connectionString(), settings).awaitReady();
        int port = commandSide.port();
        try (StoredEventLog events = new StoredEventLog(store.connectionString())) {
            Api setup = new Api(commandSide.baseUrl());
            List<String> products = new ArrayList<>();
            for (int p = 0; p < PRODUCTS; p++) {
                products.add(setup.post("pm", "/api/products", "{\"name\":\"Crash " + p + " " + UUID.randomUUID()
                        + "\"}").get("id").asText());
            }
            RawApi api = new RawApi(commandSide.baseUrl(), Duration.ofSeconds(20));
            AtomicBoolean stop = new AtomicBoolean();
            Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        outcomes.add(untilAnswered(api, products.get(client % PRODUCTS), "crash-" + client + "-" + n));
                    }
                    return null;
                }));
            }
            for (int k = 0; k < kills; k++) {
                int before = outcomes.size();
                org.awaitility.Awaitility.await("commands accepted before kill " + k).atMost(Duration.ofSeconds(60))
                        .until(() -> outcomes.size() >= before + 100);
                commandSide.kill();
                commandSide = ServiceProcess.startOnPort(port, "crash-command-side-" + (k + 1),
                                                         "tandem.commandSideJar", store.connectionString(), settings)
                        .awaitReady();
            }
            int afterLastRestart = outcomes.size();
            org.awaitility.Awaitility.await("commands accepted after the last restart").atMost(Duration.ofSeconds(60))
                    .until(() -> outcomes.size() >= afterLastRestart + 100);
            stop.set(true);
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            List<StoredEvent> stored = events.all().stream().filter(e -> e.meta("idempotencyKey") != null).toList();
            ExactlyOnceAudit audit = ExactlyOnceAudit.of(
                    outcomes.stream().map(o -> new Request(o.key(), o.status() / 100 == 2)).toList(), stored,
                    e -> e.meta("idempotencyKey"));
            assertThat(outcomes).as("every key answered 2xx in the end").allMatch(o -> o.status() / 100 == 2);
            assertThat(audit.lost()).as("acknowledged but not stored").isEmpty();
            assertThat(audit.duplicated()).as("stored twice under one Idempotency-Key").isEmpty();
            assertThat(audit.unclaimed()).as("stored under no key a client used").isEmpty();
            Map<String, StoredEvent> byKey = stored.stream()
                    .collect(Collectors.toMap(e -> e.meta("idempotencyKey"), Function.identity(), (a, b) -> a));
            for (Outcome outcome : outcomes) {
                StoredEvent event = byKey.get(outcome.key());
                assertThat(outcome.id()).as("the answer's id for %s", outcome)
                        .isEqualTo(event.payload().getString("roadmapItemId"));
                assertThat(outcome.version()).as("the answer's version for %s", outcome)
                        .isEqualTo(event.sequenceNumber());
            }
            long replayed = outcomes.stream().filter(Outcome::replayed).count();
            long retried = outcomes.stream().filter(o -> o.attempts() > 1).count();
            report.put("clients", clients).put("commands", outcomes.size())
                  .put("accepted", outcomes.stream().filter(o -> o.status() / 100 == 2).count())
                  .put("retried", retried).put("replayed", replayed)
                  .put("leftPending", outcomes.stream().filter(Outcome::leftPending).count())
                  .put("faults", kills)
                  .put("eventsChecked", audit.checked()).put("lost", audit.lost().size())
                  .put("duplicated", audit.duplicated().size()).print();
        } finally {
            commandSide.close();
            store.close();
        }
    }

    /**
     * Sends one command with its key until it has a final answer: anything but no answer, a 5xx or a 409 "still in
     * progress" (which a crash leaves until the pending timeout: {@code leftPending}).
     */
    private static Outcome untilAnswered(RawApi api, String productId, String key) throws InterruptedException {
        String body = "{\"title\":\"" + key + "\",\"horizon\":\"NEXT\",\"rationale\":\"crash test\"}";
        boolean leftPending = false;
        for (int attempt = 1; ; attempt++) {
            RawApi.Answer answer = api.post("pm", "/api/products/" + productId + "/roadmap-items", body,
                    Map.of("Idempotency-Key", key, "X-Correlation-Id", key + "-a" + attempt));
            boolean inProgress = answer.status() == 409 && answer.header("Retry-After") != null;
            leftPending |= inProgress;
            if (answer.answered() && answer.status() < 500 && !inProgress) {
                return new Outcome(key, attempt, leftPending, answer.status(),
                                   "true".equals(answer.header("Idempotent-Replayed")),
                                   answer.body().path("id").asText(null), answer.body().path("version").asLong(-1));
            }
            Thread.sleep(answer.answered() ? 200 : 50); // a client's back-off before it retries
        }
    }
}
