package io.tandem.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tandem.eventstore.EventStoreCollections;
import io.tandem.eventstore.SequencedMongoEventStorageEngine;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDocument;

/**
 * The event store against the store's limit and against its peer, on one durable embedded H2 store (as the
 * zero-setup run configures it), each in its own fresh database of that store:
 * <ul>
 *   <li>ours: {@link SequencedMongoEventStorageEngine};</li>
 *   <li>the store's limit: the raw driver's {@code insertOne} of a document the size of one of ours;</li>
 *   <li>the peer: Axon's Mongo extension {@code MongoEventStorageEngine}, the engine ours replaced.</li>
 * </ul>
 * Each database is filled with realistic product histories ({@link ProductStory}) up to each level, then
 * single-event commits are timed with 1 and 4 writer threads. Last, a tracking processor with a no-op handler
 * replays ours from the start, and the peer's for as long as a time box allows (its tracking queries sort by
 * timestamp, which the embedded server serves by scanning the collection, so its rate does not depend on how far it
 * got).
 */
final class StoreBenchmark {

    private static final int FILL_BATCH = 500;
    private static final int WARM_UP = 300;
    private static final Duration PEER_REPLAY_BOX = Duration.ofSeconds(60);

    private final int[] levels;
    private final int appends;
    private final Serializer serializer = SequencedMongoEventStorageEngine.defaultSerializer();
    private int storyCount;

    StoreBenchmark(int[] levels, int appends) {
        this.levels = levels.clone();
        this.appends = appends;
    }

    List<Row> run() throws Exception {
        try (TempFolder data = TempFolder.create("tandem-bench-store-");
             EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, data.path(),
                                                                    "127.0.0.1", 0, Durability.COMMIT);
             MongoClient client = MongoClients.create(server.connectionString())) {
            SequencedMongoEventStorageEngine ours = SequencedMongoEventStorageEngine.builder().client(client)
                    .collections(EventStoreCollections.in(client.getDatabase("ours")))
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            MongoEventStorageEngine peer = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "peer").build())
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            peer.ensureIndexes();
            MongoDatabase rawDatabase = client.getDatabase("raw");
            MongoCollection<BsonDocument> raw = rawDatabase.getCollection("events", BsonDocument.class);

            List<Row> rows = new ArrayList<>();
            long stored = 0;
            for (int level : levels) {
                System.out.printf(Locale.ROOT, "filling each database to %,d events...%n", level);
                long started = System.nanoTime();
                fill(ours, peer, raw, client.getDatabase("ours"), level - stored);
                stored = level;
                System.out.printf(Locale.ROOT, "  filled in %.1f s%n", (System.nanoTime() - started) / 1e9);
                BsonDocument sample = typicalStoredEvent(client.getDatabase("ours"));
                for (int threads : new int[] {1, 4}) {
                    Timings limit = appendAll(threads, (thread, i) -> raw.insertOne(sample.clone()));
                    Timings ourTimings = appendAll(threads, commitsTo(ours));
                    Timings peerTimings = appendAll(threads, commitsTo(peer));
                    String benchmark = String.format(Locale.ROOT, "append @%dk", level / 1000);
                    rows.add(limit.row(benchmark, "raw driver insertOne (limit)", threads, limit));
                    rows.add(ourTimings.row(benchmark, "ours (sequenced engine)", threads, limit));
                    rows.add(peerTimings.row(benchmark, "peer (axon-mongo engine)", threads, limit));
                    stored += WARM_UP + appends; // the measured commits went into each database as well
                    System.out.printf(Locale.ROOT, "  %d thread(s): raw %.0f/s, ours %.0f/s, peer %.0f/s%n",
                                      threads, limit.perSecond(), ourTimings.perSecond(),
                                      peerTimings.perSecond());
                }
                System.out.printf(Locale.ROOT, "  store file: %,d MB for the three databases%n",
                                  Files.size(data.path().resolve(EmbeddedMongoServer.STORE_FILE)) >> 20);
            }
            rows.addAll(replays(ours, client.getDatabase("ours").getCollection("events").countDocuments(), peer,
                                client.getDatabase("peer").getCollection("domainevents").countDocuments()));
            return rows;
        }
    }

    /** Appends {@code count} events of product histories to each contender, in multi-event batches. */
    private void fill(EventStorageEngine ours, EventStorageEngine peer, MongoCollection<BsonDocument> raw,
                      MongoDatabase oursDatabase, long count) {
        long written = 0;
        long lastPrint = System.nanoTime();
        while (written < count) {
            int size = (int) Math.min(20_000, count - written);
            List<DomainEventMessage<?>> events = story(size).events.subList(0, size);
            for (int from = 0; from < events.size(); from += FILL_BATCH) {
                List<EventMessage<?>> batch = new ArrayList<>(events.subList(from,
                        Math.min(events.size(), from + FILL_BATCH)));
                ours.appendEvents(batch);
                peer.appendEvents(batch);
            }
            copyToRaw(oursDatabase, raw, size);
            written += size;
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                System.out.printf(Locale.ROOT, "  %,d of %,d%n", written, count);
                lastPrint = System.nanoTime();
            }
        }
    }

    /** The raw collection gets documents the size of ours: copies of the last {@code count} ours stored. */
    private static void copyToRaw(MongoDatabase oursDatabase, MongoCollection<BsonDocument> raw, int count) {
        MongoCollection<BsonDocument> events = oursDatabase.getCollection("events", BsonDocument.class);
        long head = events.countDocuments();
        for (long from = head - count + 1; from <= head; from += FILL_BATCH) {
            List<Long> positions = LongStream.range(from, Math.min(head + 1, from + FILL_BATCH)).boxed().toList();
            List<BsonDocument> copies = new ArrayList<>();
            for (BsonDocument stored : events.find(Filters.in("_id", positions))) {
                BsonDocument copy = stored.clone();
                copy.remove("_id");
                copies.add(copy);
            }
            raw.insertMany(copies);
        }
    }

    /** One of our stored events from the middle of the store, without its position, as the raw insert's document. */
    private static BsonDocument typicalStoredEvent(MongoDatabase oursDatabase) {
        MongoCollection<BsonDocument> events = oursDatabase.getCollection("events", BsonDocument.class);
        BsonDocument stored = events.find(Filters.eq("_id", events.countDocuments() / 2)).first();
        if (stored == null) {
            throw new IllegalStateException("No event stored in the middle of the store");
        }
        stored.remove("_id");
        return stored;
    }

    private ProductStory story(int size) {
        storyCount++;
        return ProductStory.of("store-bench-" + storyCount + "-" + System.nanoTime(), size,
                               Instant.parse("2025-06-02T08:00:00Z"), Duration.ofSeconds(30));
    }

    private interface Append {
        void append(int thread, int index);
    }

    /** Each thread commits the events of its own product history, one event per commit. */
    private Append commitsTo(EventStorageEngine engine) {
        int perThread = WARM_UP + appends;
        List<List<DomainEventMessage<?>>> histories = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            histories.add(story(perThread).events);
        }
        return (thread, index) -> engine.appendEvents(histories.get(thread).get(index));
    }

    /** Warms up, then times {@code appends} single commits split over {@code threads}. */
    private Timings appendAll(int threads, Append append) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            append.append(0, i);
        }
        long[] latencies = new long[appends / threads * threads];
        int perThread = appends / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long start = System.nanoTime();
                        append.append(thread, thread == 0 ? WARM_UP + i : i);
                        latencies[thread * perThread + i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return new Timings(latencies, System.nanoTime() - started);
        } finally {
            pool.shutdown();
        }
    }

    /** A tracking processor with a no-op handler over each engine: ours to its head, the peer time-boxed. */
    private List<Row> replays(EventStorageEngine ours, long oursHead, EventStorageEngine peer, long peerHead)
            throws Exception {
        Replay ourReplay = replay("ours", ours, oursHead, null);
        Replay peerReplay = replay("peer", peer, peerHead, PEER_REPLAY_BOX);
        return List.of(
                new Row("replay (no-op handler)", "ours, " + ourReplay.events + " events", 1,
                        ourReplay.perSecond(), 0, 0, ourReplay.perSecond() / peerReplay.perSecond()),
                new Row("replay (no-op handler)", "peer, " + peerReplay.events + " events in "
                        + Math.round(peerReplay.seconds) + " s", 1, peerReplay.perSecond(), 0, 0, 1));
    }

    private record Replay(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    /** Replays from the start until the store's head (or the time box) and returns the count and time. */
    private Replay replay(String name, EventStorageEngine engine, long head, Duration box) throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        AtomicLong handled = new AtomicLong();
        TrackingEventProcessor processor = TrackingEventProcessor.builder().name("replay-" + name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                             .eventHandlers((org.axonframework.eventhandling.EventMessageHandler)
                                                                    event -> {
                                                                        handled.incrementAndGet();
                                                                        return null;
                                                                    }).build())
                .messageSource(store).tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100))
                .build();
        System.out.printf(Locale.ROOT, "replaying %s (%,d events)%s...%n", name, head,
                          box == null ? "" : ", at most " + box.toSeconds() + " s");
        long started = System.nanoTime();
        long deadline = box == null ? Long.MAX_VALUE : started + box.toNanos();
        long lastPrint = started;
        processor.start();
        try {
            while (handled.get() < head && System.nanoTime() < deadline) {
                Thread.sleep(50);
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    System.out.printf(Locale.ROOT, "  %,d of %,d%n", handled.get(), head);
                    lastPrint = System.nanoTime();
                }
            }
            return new Replay(handled.get(), (System.nanoTime() - started) / 1e9);
        } finally {
            processor.shutDown();
            store.shutDown();
        }
    }

    private record Timings(long[] latencies, long wallNanos) {

        double perSecond() {
            return latencies.length / (wallNanos / 1e9);
        }

        Row row(String benchmark, String variant, int threads, Timings baseline) {
            Latencies samples = Latencies.of(latencies);
            return new Row(benchmark, variant, threads, perSecond(), samples.percentileMicros(50),
                           samples.percentileMicros(99), perSecond() / baseline.perSecond());
        }
    }
}
