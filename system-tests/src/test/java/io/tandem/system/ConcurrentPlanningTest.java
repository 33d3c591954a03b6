package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.system.ExactlyOnceAudit.Request;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fifty clients reprioritize the same backlog (as PO) and reschedule the same roadmap (as PM) at once, half of them
 * with {@code If-Match} on the last version they saw. Every accepted command's event is in the store exactly once (by
 * the correlation id each request sends), no refused one appended anything, the dashboard's backlog equals the order
 * replayed from the store, and the decision log has one entry per event of the product.
 */
class ConcurrentPlanningTest {

    private static final int CLIENTS = 50;
    private static final int BACKLOG = 12;
    private static final int ROADMAP = 4;
    private static final String[] HORIZONS = {"NOW", "NEXT", "LATER"};

    /** One request of the load and its answer. */
    record Call(String correlationId, String kind, boolean ifMatch, int status, long version, String problem) {
    }

    @Test
    void everyAcceptedDecisionIsStoredOnceAndTheReadModelsAgreeWithTheStore() throws Exception {
        ReliabilityReport report = new ReliabilityReport("ConcurrentPlanningTest");
        TandemSystem system = TandemSystem.get();
        Api commands = new Api(system.commandSide.baseUrl());
        Api queries = new Api(system.querySide.baseUrl());
        String productId = commands.post("pm", "/api/products", "{\"name\":\"Contended " + UUID.randomUUID() + "\"}")
                                   .get("id").asText();
        commands.post("pm", "/api/products/" + productId + "/members/po/roles", "{\"role\":\"PRODUCT_OWNER\"}");
        List<String> roadmap = new ArrayList<>();
        for (int i = 0; i < ROADMAP; i++) {
            roadmap.add(commands.post("pm", "/api/products/" + productId + "/roadmap-items", "{\"title\":\"Theme " + i
                    + "\",\"horizon\":\"" + HORIZONS[i % 3] + "\",\"rationale\":\"setup\"}").get("id").asText());
        }
        List<String> backlog = new ArrayList<>();
        long setupVersion = 0;
        for (int i = 0; i < BACKLOG; i++) {
            JsonNode added = commands.post("po", "/api/products/" + productId + "/backlog-items",
                                           "{\"title\":\"Story " + i + "\",\"kind\":\"STORY\"}");
            backlog.add(added.get("id").asText());
            setupVersion = added.get("version").asLong();
        }

        Duration load = Duration.ofSeconds(ReliabilityReport.scaled(12, 120));
        Queue<Call> calls = loadFromClients(system.commandSide.baseUrl(), productId, backlog, roadmap, setupVersion,
                                            load);

        Map<Integer, Long> byStatus = new TreeMap<>(calls.stream().collect(
                Collectors.groupingBy(Call::status, Collectors.counting())));
        assertThat(calls.stream().filter(c -> c.status() < 0 || c.status() >= 500).toList())
                .as("requests without an answer or with a server error").isEmpty();
        List<Call> accepted = calls.stream().filter(c -> c.status() / 100 == 2).toList();
        assertThat(accepted).as("accepted reprioritizations and reschedules").isNotEmpty();
        assertThat(calls.stream().filter(c -> c.status() == 412)).as("stale If-Match refused").isNotEmpty();

        try (StoredEventLog store = new StoredEventLog(system.store.connectionString())) {
            List<StoredEvent> productEvents = store.ofProduct(productId);
            long lastSetup = setupVersion;
            List<StoredEvent> loadEvents = productEvents.stream().filter(e -> e.sequenceNumber() > lastSetup).toList();
            ExactlyOnceAudit audit = ExactlyOnceAudit.of(
                    calls.stream().map(c -> new Request(c.correlationId(), c.status() / 100 == 2)).toList(),
                    loadEvents, e -> e.meta("correlationId"));
            assertThat(audit.lost()).as("accepted but not stored").isEmpty();
            assertThat(audit.duplicated()).as("stored twice").isEmpty();
            assertThat(audit.appendedByRejected()).as("refused but stored").isEmpty();
            assertThat(audit.unclaimed()).as("stored without a request").isEmpty();
            Map<String, StoredEvent> byCorrelation = loadEvents.stream()
                    .collect(Collectors.toMap(e -> e.meta("correlationId"), Function.identity()));
            for (Call call : accepted) {
                StoredEvent event = byCorrelation.get(call.correlationId());
                assertThat(event.sequenceNumber()).as("the version answered to %s", call).isEqualTo(call.version());
                assertThat(event.simpleType()).isEqualTo(call.kind().equals("reprioritize")
                        ? "BacklogItemReprioritizedEvent" : "RoadmapItemRescheduledEvent");
            }

            long head = productEvents.stream().mapToLong(StoredEvent::position).max().orElseThrow();
            await("the dashboard has every event").atMost(Duration.ofSeconds(60))
                    .until(() -> queries.get("po", "/api/products/" + productId + "/dashboard")
                                        .get("lastGlobalPosition").asLong() >= head);
            JsonNode dashboard = queries.get("po", "/api/products/" + productId + "/dashboard");
            assertThat(PlanAudit.dashboardBacklog(dashboard)).as("backlog order: dashboard vs store")
                    .isEqualTo(PlanAudit.backlogOrder(productEvents));
            await("the decision log has every event").atMost(Duration.ofSeconds(60))
                    .until(() -> PlanAudit.decisionPositions(queries, "po", productId).size()
                            >= productEvents.size());
            assertThat(PlanAudit.decisionPositions(queries, "po", productId)).as("decision log positions")
                    .isEqualTo(PlanAudit.positions(productEvents));

            report.put("clients", CLIENTS).put("commands", calls.size()).put("accepted", accepted.size())
                  .put("rejected", calls.size() - accepted.size())
                  .put("status", byStatus.toString().replace(" ", "")).put("faults", 0)
                  .put("eventsChecked", productEvents.size())
                  .put("lost", audit.lost().size()).put("duplicated", audit.duplicated().size()).print();
        }
    }

    private static Queue<Call> loadFromClients(String commandSide, String productId, List<String> backlog,
            List<String> roadmap, long initialVersion, Duration load) throws Exception {
        RawApi api = new RawApi(commandSide, Duration.ofSeconds(30));
        Queue<Call> calls = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + load.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long lastSeen = initialVersion;
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    boolean po = client % 2 == 0;
                    boolean ifMatch = random.nextBoolean();
                    String correlationId = "conc-" + client + "-" + n;
                    Map<String, String> headers = new HashMap<>(Map.of("X-Correlation-Id", correlationId));
                    if (ifMatch) {
                        headers.put("If-Match", "\"" + lastSeen + "\"");
                    }
                    RawApi.Answer answer = po
                            ? api.post("po", "/api/products/" + productId + "/backlog-items/"
                                    + backlog.get(random.nextInt(backlog.size())) + "/reprioritize",
                                    "{\"toPosition\":" + (1 + random.nextInt(backlog.size()))
                                            + ",\"rationale\":\"client " + client + "\"}", headers)
                            : api.post("pm", "/api/products/" + productId + "/roadmap-items/"
                                    + roadmap.get(random.nextInt(roadmap.size())) + "/reschedule",
                                    "{\"to\":\"" + HORIZONS[random.nextInt(3)] + "\",\"rationale\":\"client " + client
                                            + "\"}", headers);
                    long version = answer.body().path("version").asLong(-1);
                    String etag = answer.header("ETag");
                    if (answer.accepted()) {
                        lastSeen = version;
                    } else if (etag != null) {
                        lastSeen = Long.parseLong(etag.replace("\"", ""));
                    }
                    calls.add(new Call(correlationId, po ? "reprioritize" : "reschedule", ifMatch, answer.status(),
                                       version, answer.body().path("type").asText(null)));
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return calls;
    }
}
