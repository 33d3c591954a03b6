package io.tandem.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tandem.eventstore.EventStoreCollections;
import io.tandem.eventstore.SequencedMongoEventStorageEngine;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What durable acknowledged writes cost on the embedded H2 store: single-event appends through our engine with H2's
 * background commit (not durable, the baseline), commit per write command (the default) and commit plus fsync, with
 * 1 and 4 writer threads, each on a fresh store.
 */
final class DurabilityBenchmark {

    private static final int WARM_UP = 300;

    private final int appends;

    DurabilityBenchmark(int appends) {
        this.appends = appends;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            double baseline = 0;
            for (Durability durability : new Durability[] {Durability.BACKGROUND, Durability.COMMIT,
                                                           Durability.COMMIT_AND_FSYNC}) {
                Timings timings = measure(durability, threads);
                long[] latencies = timings.latencies();
                double perSecond = latencies.length / (timings.wallNanos() / 1e9);
                if (durability == Durability.BACKGROUND) {
                    baseline = perSecond;
                }
                Latencies samples = Latencies.of(latencies);
                rows.add(new Row("append (H2 store)", durability.name(), threads, perSecond,
                                 samples.percentileMicros(50), samples.percentileMicros(99),
                                 perSecond / baseline));
            }
        }
        return rows;
    }

    private Timings measure(Durability durability, int threads) throws Exception {
        try (TempFolder data = TempFolder.create("tandem-bench-");
             EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, data.path(),
                                                                    "127.0.0.1", 0, durability);
             MongoClient client = MongoClients.create(server.connectionString())) {
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine
                    .builder().client(client).collections(EventStoreCollections.in(client.getDatabase("bench")))
                    .build();
            appendAll(engine, "warm-up", WARM_UP, 1);
            return appendAll(engine, "run", appends, threads);
        }
    }

    /** Appends {@code count} events split over {@code threads}, each thread to its own aggregates. */
    private static Timings appendAll(SequencedMongoEventStorageEngine engine, String prefix, int count, int threads)
            throws Exception {
        long[] latencies = new long[count];
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        int perThread = count / threads;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String aggregate = prefix + "-" + thread + "-" + i % 50;
                    long start = System.nanoTime();
                    engine.appendEvents(new GenericDomainEventMessage<>("Bench", aggregate, i / 50,
                                                                        "event " + i));
                    latencies[thread * perThread + i] = System.nanoTime() - start;
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long wall = System.nanoTime() - started;
        pool.shutdown();
        return new Timings(Arrays.copyOf(latencies, perThread * threads), wall);
    }

    private record Timings(long[] latencies, long wallNanos) {
    }

}
