package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The query side killed with SIGKILL in the middle of rebuilding every read model, and again while decisions stream
 * in, then started again on the same store. Once it has caught up, each read model must be exactly what a fresh
 * rebuild from the store gives: the test hashes every processor's read model (the generation that answers), rebuilds
 * all four on the same node (each into an empty generation, from the first event) and hashes again.
 * <p>
 * The fresh rebuild runs on the same node because the read models live in the store's database beside the events
 * (a second query side would share them, not start empty); a rebuild is the product's own way of computing a read
 * model from nothing but the events, and it writes a new generation, so it cannot inherit what the crashes left.
 */
class QuerySideCrashTest {

    private static final List<String> PROCESSORS = List.of("dashboard", "decision-log", "membership",
                                                           "product-history");

    @Test
    void everyReadModelConvergesToAFreshRebuildAfterKills() throws Exception {
        ReliabilityReport report = new ReliabilityReport("QuerySideCrashTest");
        int seeded = ReliabilityReport.scaled(1500, 20000);
        int streamKills = ReliabilityReport.scaled(1, 4);
        EmbeddedMongoServer store = StoreProcessHandle.inThisJvm();
        ServiceProcess commandSide = ServiceProcess.start("qcrash-command-side", "tandem.commandSideJar",
                                                          store.connectionString());
        ServiceProcess querySide = ServiceProcess.start("qcrash-query-side", "tandem.querySideJar",
                                                        store.connectionString());
        ServiceProcess.awaitAllReady(commandSide, querySide);
        int port = querySide.port();
        int faults = 0;
        try (StoredEventLog events = new StoredEventLog(store.connectionString())) {
            ReadModelHasher readModels = new ReadModelHasher(events.client());
            MixedDecisionLoad traffic = new MixedDecisionLoad(commandSide.baseUrl(), 4);
            traffic.run(8, () -> traffic.accepted.get() >= seeded);
            awaitCaughtUp(events, readModels);

            Api admin = new Api(querySide.baseUrl());
            PROCESSORS.forEach(p -> admin.post("pm", "/api/admin/processors/" + p + "/rebuild", ""));
            await("a rebuild under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> rebuilds(admin).stream().anyMatch(r -> "REBUILDING".equals(r.path("state").asText())
                            && r.path("processed").asLong() > 0));
            querySide.kill();
            faults++;
            assertThat(readModels.noRebuildUnderway()).as("killed while a rebuild was under way").isFalse();
            querySide = ServiceProcess.startOnPort(port, "qcrash-query-side-1", "tandem.querySideJar",
                                                   store.connectionString()).awaitReady();
            awaitCaughtUp(events, readModels);

            for (int k = 0; k < streamKills; k++) {
                AtomicBoolean stop = new AtomicBoolean();
                int before = traffic.accepted.get();
                CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
                    try {
                        traffic.run(2, stop::get);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                await("decisions streaming in").atMost(Duration.ofSeconds(30))
                        .until(() -> traffic.accepted.get() >= before + 150);
                querySide.kill();
                faults++;
                int whileDown = traffic.accepted.get();
                await("decisions while the query side is down").atMost(Duration.ofSeconds(30))
                        .until(() -> traffic.accepted.get() >= whileDown + 100);
                querySide = ServiceProcess.startOnPort(port, "qcrash-query-side-" + (k + 2), "tandem.querySideJar",
                                                       store.connectionString()).awaitReady();
                stop.set(true);
                streaming.join();
            }
            long head = awaitCaughtUp(events, readModels);
            Map<String, String> recovered = readModels.hashes();
            Map<String, Map<String, String>> recoveredContents = new HashMap<>();
            PROCESSORS.forEach(p -> recoveredContents.put(p, readModels.contents(p)));

            Api rebuilder = new Api(querySide.baseUrl());
            PROCESSORS.forEach(p -> rebuilder.post("pm", "/api/admin/processors/" + p + "/rebuild", ""));
            await("every fresh rebuild done").atMost(Duration.ofMinutes(3))
                    .until(() -> rebuilds(rebuilder).stream().allMatch(r -> "DONE".equals(r.path("state").asText())));
            awaitCaughtUp(events, readModels);
            Map<String, String> rebuilt = readModels.hashes();

            Map<String, String> differences = new HashMap<>();
            for (String processor : PROCESSORS) {
                String difference = ReadModelHasher.firstDifference(recoveredContents.get(processor),
                                                                    readModels.contents(processor), processor);
                if (difference != null) {
                    differences.put(processor, difference);
                }
            }
            assertThat(differences).as("read models after the kills that differ from a fresh rebuild").isEmpty();
            assertThat(recovered).isEqualTo(rebuilt);
            report.put("commands", traffic.accepted.get() + traffic.refused.get())
                  .put("accepted", traffic.accepted.get()).put("rejected", traffic.refused.get())
                  .put("faults", faults).put("eventsChecked", events.all().size()).put("head", head)
                  .put("readModels", recovered.size()).put("mismatched", 0).put("lost", 0).put("duplicated", 0)
                  .print();
            System.out.println("read model hashes: " + rebuilt);
        } finally {
            querySide.close();
            commandSide.close();
            store.close();
        }
    }

    /** Waits until every processor has processed the store's last event, and answers its position. */
    private static long awaitCaughtUp(StoredEventLog events, ReadModelHasher readModels) {
        long head = events.all().stream().mapToLong(StoredEvent::position).max().orElse(0);
        await("every processor at position " + head).atMost(Duration.ofMinutes(3))
                .until(() -> readModels.caughtUpWith(head, 4) && readModels.noRebuildUnderway());
        return head;
    }

    private static List<JsonNode> rebuilds(Api admin) {
        List<JsonNode> rebuilds = new ArrayList<>();
        admin.get("pm", "/api/admin/processors").forEach(p -> rebuilds.add(p.path("rebuild")));
        return rebuilds;
    }
}
