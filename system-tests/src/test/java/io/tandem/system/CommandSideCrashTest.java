package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import io.tandem.system.IdempotentClient.Outcome;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
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

    @Test
    void everyAcknowledgedCommandIsStoredOnceAcrossKills() throws Exception {
        ReliabilityReport report = new ReliabilityReport("CommandSideCrashTest");
        int clients = ReliabilityReport.scaled(16, 32);
        int kills = ReliabilityReport.scaled(2, 8);
        EmbeddedMongoServer store = StoreProcessHandle.inThisJvm();
        String[] settings = {"--tandem.idempotency.pending-timeout=3s"};
        ServiceProcess commandSide = ServiceProcess.start("crash-command-side", "tandem.commandSideJar",
                                                          store.connectionString(), settings).awaitReady();
        int port = commandSide.port();
        try (StoredEventLog events = new StoredEventLog(store.connectionString())) {
            List<String> products = IdempotentClient.newProducts(commandSide.baseUrl(), PRODUCTS);
            IdempotentClient.Load load = new IdempotentClient(commandSide.baseUrl()).load(clients, products, "crash");
            Queue<Outcome> outcomes = load.outcomes;
            for (int k = 0; k < kills; k++) {
                int before = outcomes.size();
                await("commands accepted before kill " + k).atMost(Duration.ofSeconds(60))
                        .until(() -> outcomes.size() >= before + 100);
                commandSide.kill();
                commandSide = ServiceProcess.startOnPort(port, "crash-command-side-" + (k + 1),
                                                         "tandem.commandSideJar", store.connectionString(), settings)
                        .awaitReady();
            }
            int afterLastRestart = outcomes.size();
            await("commands accepted after the last restart").atMost(Duration.ofSeconds(60))
                    .until(() -> outcomes.size() >= afterLastRestart + 100);
            load.stop();

            List<StoredEvent> stored = events.all();
            ExactlyOnceAudit audit = IdempotentClient.assertExactlyOnce(outcomes, stored);
            long replayed = outcomes.stream().filter(Outcome::replayed).count();
            long retried = outcomes.stream().filter(o -> o.attempts().size() > 1).count();
            report.put("clients", clients).put("commands", outcomes.size())
                  .put("accepted", outcomes.stream().filter(o -> o.accepted()).count())
                  .put("retried", retried).put("replayed", replayed)
                  .put("cutOff", outcomes.stream().filter(Outcome::cutOff).count())
                  .put("faults", kills)
                  .put("eventsChecked", audit.checked()).put("lost", audit.lost().size())
                  .put("duplicated", audit.duplicated().size()).print();
        } finally {
            commandSide.close();
            store.close();
        }
    }
}
