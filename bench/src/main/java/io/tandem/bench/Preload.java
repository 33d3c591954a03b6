package io.tandem.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tandem.eventstore.EventStoreCollections;
import io.tandem.eventstore.SequencedMongoEventStorageEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Fills a store with a history before the services start: products of up to {@value #PER_PRODUCT} events each
 * ({@link ProductStory}: what the command side would have stored), written through our engine in batches, as fast
 * as the store takes them.
 */
final class Preload {

    static final int PER_PRODUCT = 10_000;
    private static final int APPEND_BATCH = 200;
    private static final Instant START = Instant.parse("2025-06-02T08:00:00Z");

    private Preload() {
    }

    /** Writes {@code total} events; answers each product's id and number of events (its dashboard version). */
    /** Our engine on the services' database, with the serializer settings the services store events with. */
    static SequencedMongoEventStorageEngine engineOn(MongoClient client) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        return SequencedMongoEventStorageEngine.builder().client(client)
                .collections(EventStoreCollections.in(client.getDatabase("tandem")))
                .eventSerializer(JacksonSerializer.builder().objectMapper(mapper).build())
                .snapshotSerializer(JacksonSerializer.builder().objectMapper(mapper).build())
                .build();
    }

    static Map<String, Long> write(String mongoUri, int total) {
        Map<String, Long> products = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            SequencedMongoEventStorageEngine engine = engineOn(client);
            int written = 0;
            for (int p = 0; written < total; p++) {
                int size = Math.min(PER_PRODUCT, total - written);
                Duration step = Duration.ofMillis(Duration.ofDays(300).toMillis() / Math.max(1, size));
                ProductStory story = ProductStory.of("preload-" + p + "-" + System.nanoTime(), size, START, step);
                List<DomainEventMessage<?>> events = story.events;
                for (int from = 0; from < events.size(); from += APPEND_BATCH) {
                    engine.appendEvents(new ArrayList<EventMessage<?>>(
                            events.subList(from, Math.min(events.size(), from + APPEND_BATCH))));
                }
                written += events.size();
                products.put(story.productId, (long) events.size());
                System.out.printf(Locale.ROOT, "  preloaded %d of %d events (%.0f s)%n", written, total,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        return products;
    }
}
