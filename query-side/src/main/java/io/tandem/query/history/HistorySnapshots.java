package io.tandem.query.history;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.tandem.query.dashboard.DashboardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Reduced dashboard states part-way through a product's history, in collection {@value #COLLECTION}:
 * {@code _id = productId + "/" + position}, where {@code position} is the global position of the product's
 * {@code count}-th event, and {@code count} is a multiple of {@link ProductHistoryIndex#CHUNK}. A snapshot is valid
 * while the product's {@code count}-th event by position is still at {@code position}; an event that fills a gap below
 * it later moves that event up, so the snapshot is no longer looked for (and one with the wrong count is ignored).
 */
final class HistorySnapshots {

    static final String COLLECTION = "product_history_snapshots";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final MongoCollection<Document> documents;

    HistorySnapshots(MongoDatabase database) {
        this(database, COLLECTION);
    }

    HistorySnapshots(MongoDatabase database, String collection) {
        this.documents = database.getCollection(collection);
    }

    /** A snapshot: the state after the first {@code count} events of the product. */
    record Snapshot(long count, DashboardState state) {
    }

    /**
     * The snapshot with the highest count among {@code candidates} (count → global position of the count-th event),
     * if any is stored. Candidates are tried from the highest count down, one {@code _id} lookup each: usually the
     * first exists, and a missing one costs an index probe, not a document read.
     */
    Optional<Snapshot> best(String productId, Map<Long, Long> candidates) {
        List<Map.Entry<Long, Long>> byCount = new ArrayList<>(candidates.entrySet());
        byCount.sort(Map.Entry.<Long, Long>comparingByKey().reversed());
        for (Map.Entry<Long, Long> candidate : byCount) {
            Document found = documents.find(eq("_id", key(productId, candidate.getValue()))).first();
            if (found != null && found.get("count", Number.class).longValue() == candidate.getKey()) {
                return Optional.of(new Snapshot(candidate.getKey(), toState(found.get("state", Document.class))));
            }
        }
        return Optional.empty();
    }

    void save(String productId, long count, long position, DashboardState state) {
        String key = key(productId, position);
        documents.replaceOne(eq("_id", key), new Document("_id", key).append("count", count)
                .append("state", toDocument(state)), new ReplaceOptions().upsert(true));
    }

    void clear() {
        documents.deleteMany(new Document());
    }

    static Document toDocument(DashboardState state) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = MAPPER.convertValue(state, Map.class);
        return new Document(fields);
    }

    static DashboardState toState(Document document) {
        return MAPPER.convertValue(document, DashboardState.class);
    }

    private static String key(String productId, long position) {
        return productId + "/" + position;
    }
}
