package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tandem.eventstore.SequencedMongoEventStorageEngine;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * History queries on long histories, end to end: products of the given sizes are written into a fresh embedded H2
 * store (durable, as in the zero-setup run) the way the command side stores them, the query side starts as its own
 * process and catches up (measured: events/s), then each history query is sent {@value #RUNS} times over HTTP and
 * its latency reported as median and p99. Ratios compare each size with the smallest.
 */
final class HistoryBenchmark {

    private static final int RUNS = 11;
    private static final int WARM_UP = 2;
    private static final int APPEND_BATCH = 200;
    private static final Instant START = Instant.parse("2025-06-02T08:00:00Z");

    private final int[] sizes;
    private final ObjectMapper json = new ObjectMapper();

    HistoryBenchmark(int[] sizes) {
        for (int size : sizes) {
            if (size < ProductStory.SYNC_EVERY) {
                throw new IllegalArgumentException("history: each product needs at least " + ProductStory.SYNC_EVERY
                        + " events (one sync meeting every " + ProductStory.SYNC_EVERY + "), was " + size);
            }
        }
        this.sizes = sizes.clone();
    }

    List<Row> run() throws Exception {
        List<ProductStory> stories = new ArrayList<>();
        for (int size : sizes) {
            Duration step = Duration.ofMillis(Duration.ofDays(300).toMillis() / size);
            stories.add(ProductStory.of("bench-" + size + "-" + System.nanoTime(), size, START, step));
        }
        long total = stories.stream().mapToLong(s -> s.events.size()).sum();
        try (TempFolder data = TempFolder.create("tandem-bench-history-");
             EmbeddedMongoServer store = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, data.path(),
                     "127.0.0.1", 0, Durability.COMMIT);
             MongoClient client = MongoClients.create(store.connectionString())) {
            long written = System.nanoTime();
            write(client, stories);
            System.out.printf(Locale.ROOT, "wrote %d events in %.1f s%n", total, (System.nanoTime() - written) / 1e9);
            Path log = Path.of("bench", "target", "query-side-history.log");
            Files.createDirectories(log.getParent());
            try (QuerySideProcess querySide = QuerySideProcess.start(
                    Path.of("query-side", "target", "query-side-0.1.0-SNAPSHOT.jar"), store.connectionString(), log)) {
                long started = System.nanoTime();
                querySide.awaitReady(Duration.ofMinutes(2));
                System.out.printf(Locale.ROOT, "query side ready in %.1f s (log: %s)%n",
                        (System.nanoTime() - started) / 1e9, log);
                List<Row> rows = new ArrayList<>();
                rows.add(catchUp(querySide, stories, total));
                rows.addAll(queries(querySide, stories));
                return rows;
            }
        }
    }

    private void write(MongoClient client, List<ProductStory> stories) {
        SequencedMongoEventStorageEngine engine = Preload.engineOn(client);
        for (ProductStory story : stories) {
            List<DomainEventMessage<?>> events = story.events;
            for (int from = 0; from < events.size(); from += APPEND_BATCH) {
                List<EventMessage<?>> batch = new ArrayList<>(events.subList(from,
                        Math.min(events.size(), from + APPEND_BATCH)));
                engine.appendEvents(batch);
            }
        }
    }

    /** Waits until every processor has every product's last event; the rate over all events is one row. */
    private Row catchUp(QuerySideProcess querySide, List<ProductStory> stories, long total) throws Exception {
        long started = System.nanoTime();
        for (ProductStory story : stories) {
            long planEvents = story.events.stream().filter(e -> e.getAggregateIdentifier().equals(story.productId))
                    .count();
            String base = "/api/products/" + story.productId;
            waitFor(querySide, base + "/dashboard", "version", story.events.size());
            long last = json.readTree(querySide.get(base + "/dashboard").body()).path("lastGlobalPosition").asLong();
            waitFor(querySide, base + "/decisions?limit=1&after=" + (last - 1), "entries", 1);
            System.out.printf(Locale.ROOT, "product %s: %d events (%d of the plan) projected%n", story.productId,
                    story.events.size(), planEvents);
        }
        waitForHistory(querySide, stories.get(stories.size() - 1));
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Row("query-side catch-up", total + " events, 4 processors", 1, total / seconds, 0, 0, 1);
    }

    /** Polls until the field (a number, or an array's size) reaches the value; prints progress every 10 s. */
    private void waitFor(QuerySideProcess querySide, String path, String field, long value) throws Exception {
        long lastPrint = System.nanoTime();
        while (true) {
            HttpResponse<String> response = querySide.get(path);
            long current = -1;
            if (response.statusCode() == 200) {
                JsonNode found = json.readTree(response.body()).path(field);
                current = found.isArray() ? found.size() : found.asLong();
                if (current >= value) {
                    return;
                }
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                System.out.printf(Locale.ROOT, "  waiting for %s: %s %d of %d%n", path, field, current, value);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    /** The history index of the last product is complete when an as-of at its last event answers its version. */
    private void waitForHistory(QuerySideProcess querySide, ProductStory story) throws Exception {
        String base = "/api/products/" + story.productId + "/dashboard";
        long last = json.readTree(querySide.get(base).body()).path("lastGlobalPosition").asLong();
        waitFor(querySide, base + "?position=" + last, "version", story.events.size());
    }

    private List<Row> queries(QuerySideProcess querySide, List<ProductStory> stories) throws Exception {
        List<Row> rows = new ArrayList<>();
        double[][] medians = new double[5][stories.size()];
        for (int s = 0; s < stories.size(); s++) {
            ProductStory story = stories.get(s);
            String base = "/api/products/" + story.productId;
            JsonNode now = json.readTree(querySide.get(base + "/dashboard").body());
            long last = now.path("lastGlobalPosition").asLong();
            long first = last - story.events.size() + 1;
            Instant middle = story.start.plus(story.step.multipliedBy(story.events.size() / 2));
            String[] paths = {
                base + "/dashboard",
                base + "/dashboard?position=" + (first + story.events.size() / 2 + 7),
                base + "/dashboard?asOf=" + middle.plusSeconds(1),
                base + "/changes",
                base + "/changes?from=" + story.meetings.get(0) + "&to=" + story.meetings.get(story.meetings.size() - 1)
            };
            String[] names = {"current dashboard", "as-of position (middle)", "as-of instant (middle)",
                "changes since last sync", "changes first..last sync"};
            for (int q = 0; q < paths.length; q++) {
                Latencies latencies = Latencies.of(time(querySide, paths[q]));
                double median = latencies.percentileMicros(50);
                System.out.printf(Locale.ROOT, "  %dk events, %s: median %.0f ms%n", story.events.size() / 1000,
                        names[q], median / 1000);
                medians[q][s] = median;
                rows.add(new Row("history " + story.events.size() / 1000 + "k events", names[q], 1,
                        1e6 / median, median, latencies.percentileMicros(99), median / medians[q][0]));
            }
        }
        return rows;
    }

    private static long[] time(QuerySideProcess querySide, String path) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            expectOk(querySide.get(path), path);
        }
        long[] latencies = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            expectOk(querySide.get(path), path);
            latencies[i] = System.nanoTime() - start;
        }
        return latencies;
    }

    private static void expectOk(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

}
