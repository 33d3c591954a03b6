package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.system.IdempotentClient.Attempt;
import io.tandem.system.IdempotentClient.Outcome;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store (H2 backend, its own process) killed with SIGKILL under load and started again on the same port
 * and data: both services show the outage on their readiness probe (503) and answer commands and reads meanwhile with
 * a 503 problem instead of hanging; they reconnect by themselves (readiness 200 again), every acknowledged command is
 * in the store exactly once (clients retry what failed with the same {@code Idempotency-Key}), and the query side
 * catches up.
 */
class StoreOutageTest {

    /** The longest a command may take to be answered while the store is down: the command timeout and a margin. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    /** When the store was killed and when it was started again. */
    private record Outage(long killedAt, long restartedAt) {
    }

    /** An attempt started while the store was down, and when the outage ended (the store's restart). */
    private record OutageAttempt(Attempt attempt, long outageEndedAtMillis) {
        boolean endedInTheOutage() {
            return attempt.startedAtMillis() + attempt.millis() < outageEndedAtMillis;
        }
    }

    @TempDir
    Path data;

    @Test
    void bothServicesShowTheOutageAndRecoverWithoutLosingAcknowledgedCommands() throws Exception {
        ReliabilityReport report = new ReliabilityReport("StoreOutageTest");
        int outages = ReliabilityReport.scaled(1, 3);
        int clients = ReliabilityReport.scaled(8, 16);
        StoreProcessHandle store = StoreProcessHandle.start("outage-store", data);
        String[] settings = {"--tandem.idempotency.pending-timeout=3s"};
        ServiceProcess commandSide = ServiceProcess.start("outage-command-side", "tandem.commandSideJar",
                                                          store.connectionString(), settings);
        ServiceProcess querySide = ServiceProcess.start("outage-query-side", "tandem.querySideJar",
                                                        store.connectionString());
        List<Outage> outageWindows = new ArrayList<>();
        try {
            ServiceProcess.awaitAllReady(commandSide, querySide);
            List<String> products = IdempotentClient.newProducts(commandSide.baseUrl(), 2);
            IdempotentClient.Load load = new IdempotentClient(commandSide.baseUrl()).load(clients, products, "outage");
            for (int o = 0; o < outages; o++) {
                int before = load.outcomes.size();
                await("commands accepted before outage " + o).atMost(Duration.ofSeconds(60))
                        .until(() -> load.outcomes.size() >= before + 100);
                store.kill();
                long killedAt = System.currentTimeMillis();
                for (ServiceProcess service : List.of(commandSide, querySide)) {
                    await(service.baseUrl() + " not ready while the store is down").atMost(Duration.ofSeconds(30))
                            .until(() -> readiness(service) == 503);
                }
                RawApi.Answer read = new RawApi(querySide.baseUrl(), ANSWER_WITHIN)
                        .get("pm", "/api/products/" + products.get(0) + "/dashboard");
                assertThat(read.status()).as("a read while the store is down").isEqualTo(503);
                assertThat(read.body().path("type").asText()).isEqualTo("urn:tandem:problem:unavailable");
                Thread.sleep(ANSWER_WITHIN.toMillis()); // the outage lasts: requests in it must end, not hang
                long restartedAt = System.currentTimeMillis();
                store.restart();
                for (ServiceProcess service : List.of(commandSide, querySide)) {
                    await(service.baseUrl() + " ready again by itself").atMost(Duration.ofSeconds(60))
                            .until(() -> readiness(service) == 200);
                }
                outageWindows.add(new Outage(killedAt, restartedAt));
                int after = load.outcomes.size();
                await("commands accepted after outage " + o).atMost(Duration.ofSeconds(60))
                        .until(() -> load.outcomes.size() >= after + 50);
            }
            List<Outcome> outcomes = load.stop();
            // Only now: a key whose attempts fell in an outage is an outcome once it was answered 2xx, after it.
            List<OutageAttempt> duringOutage = new ArrayList<>();
            for (Outage outage : outageWindows) {
                outcomes.forEach(outcome -> outcome.attempts().stream()
                        .filter(a -> a.startedAtMillis() > outage.killedAt()
                                     && a.startedAtMillis() < outage.restartedAt())
                        .forEach(a -> duringOutage.add(new OutageAttempt(a, outage.restartedAt()))));
            }

            assertThat(duringOutage).as("commands sent while the store was down").isNotEmpty();
            assertThat(querySide.logLinesContaining("Failed to read events"))
                    .as("tracking polls during the outage are not logged as failures, each with a stack trace")
                    .isZero();
            assertThat(duringOutage.stream().map(OutageAttempt::attempt)).as("answered within %s", ANSWER_WITHIN)
                    .allMatch(a -> a.status() > 0 && a.millis() <= ANSWER_WITHIN.toMillis());
            assertThat(duringOutage.stream().filter(OutageAttempt::endedInTheOutage).map(OutageAttempt::attempt))
                    .as("answered while the store was down: a server-side problem").isNotEmpty()
                    .allMatch(a -> a.status() >= 500 && a.problem() != null && a.problem().startsWith("urn:tandem:"));
            try (StoredEventLog events = new StoredEventLog(store.connectionString())) {
                List<StoredEvent> stored = events.all();
                ExactlyOnceAudit audit = IdempotentClient.assertExactlyOnce(outcomes, stored);

                Api queries = new Api(querySide.baseUrl());
                long head = stored.stream().mapToLong(StoredEvent::position).max().orElseThrow();
                for (String product : products) {
                    await("the query side caught up with " + product).atMost(Duration.ofSeconds(60))
                            .until(() -> queries.get("pm", "/api/products/" + product + "/dashboard")
                                                .get("lastGlobalPosition").asLong() >= lastPosition(stored, product));
                }
                report.put("clients", clients).put("commands", outcomes.size())
                      .put("accepted", outcomes.stream().filter(Outcome::accepted).count())
                      .put("failedDuringOutage", duringOutage.size())
                      .put("slowestOutageAnswerMs",
                           duringOutage.stream().mapToLong(a -> a.attempt().millis()).max().orElse(0))
                      .put("cutOff", outcomes.stream().filter(Outcome::cutOff).count())
                      .put("replayed", outcomes.stream().filter(Outcome::replayed).count())
                      .put("faults", outages).put("eventsChecked", audit.checked()).put("head", head)
                      .put("lost", audit.lost().size()).put("duplicated", audit.duplicated().size()).print();
            }
        } finally {
            querySide.close();
            commandSide.close();
            store.close();
        }
    }

    private static long lastPosition(List<StoredEvent> stored, String productId) {
        return stored.stream().filter(e -> productId.equals(e.aggregateId())).mapToLong(StoredEvent::position).max()
                     .orElseThrow();
    }

    private static int readiness(ServiceProcess service) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(service.baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
