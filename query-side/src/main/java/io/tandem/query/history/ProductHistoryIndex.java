package io.tandem.query.history;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.tandem.query.decisions.DecisionEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Which events make up each product's history, in collection {@value #COLLECTION}: a head document
 * {@code _id = productId + "/head"} with the {@code count} of events and, per aggregate, the last sequence number
 * taken in ({@code applied}, which makes a redelivered event change nothing), and chunk documents
 * {@code _id = productId + "/" + n} holding the {@code entries} ({@code p} = global position, {@code t} = timestamp)
 * number {@code n * CHUNK} to {@code (n + 1) * CHUNK - 1} in the order they were taken in. Reads are {@code _id}
 * equality and {@code $in} lookups only, so they are index-served on the embedded server too.
 */
final class ProductHistoryIndex {

    static final String COLLECTION = "product_history";
    static final int CHUNK = 1000;

    private final MongoCollection<Document> documents;

    ProductHistoryIndex(MongoDatabase database) {
        this.documents = database.getCollection(COLLECTION);
    }

    /**
     * Takes in one event and returns how many events the product's history holds now, or -1 when the event was
     * already taken in. The entry is added to the current chunk with {@code $addToSet} before the head is advanced,
     * so a crash between the two writes and the redelivery that follows add it once.
     */
    long append(DecisionEvent event) {
        String productId = event.productId();
        Document head = documents.find(eq("_id", headKey(productId))).first();
        long count = head == null ? 0 : head.get("count", Number.class).longValue();
        List<Document> applied = head == null ? new ArrayList<>() : new ArrayList<>(head.getList("applied",
                Document.class));
        if (event.aggregateId() != null && event.sequenceNumber() <= lastSequence(applied, event.aggregateId())) {
            return -1;
        }
        Document entry = new Document("p", event.globalPosition()).append("t", Date.from(event.timestamp()));
        documents.updateOne(eq("_id", chunkKey(productId, count / CHUNK)), Updates.addToSet("entries", entry),
                new UpdateOptions().upsert(true));
        if (event.aggregateId() != null) {
            applied.removeIf(mark -> mark.getString("a").equals(event.aggregateId()));
            applied.add(new Document("a", event.aggregateId()).append("s", event.sequenceNumber()));
        }
        documents.replaceOne(eq("_id", headKey(productId)),
                new Document("_id", headKey(productId)).append("count", count + 1).append("applied", applied),
                new ReplaceOptions().upsert(true));
        return count + 1;
    }

    /** The product's events, by global position. */
    List<HistoryEntry> entries(String productId) {
        Document head = documents.find(eq("_id", headKey(productId))).first();
        if (head == null) {
            return List.of();
        }
        long count = head.get("count", Number.class).longValue();
        List<String> keys = new ArrayList<>();
        for (long chunk = 0; chunk * CHUNK < count; chunk++) {
            keys.add(chunkKey(productId, chunk));
        }
        List<HistoryEntry> entries = new ArrayList<>((int) count);
        documents.find(in("_id", keys)).forEach(chunk -> chunk.getList("entries", Document.class).forEach(
                e -> entries.add(new HistoryEntry(e.get("p", Number.class).longValue(),
                        e.getDate("t").toInstant()))));
        entries.sort(Comparator.comparingLong(HistoryEntry::position));
        return entries;
    }

    void clear() {
        documents.deleteMany(new Document());
    }

    private static long lastSequence(List<Document> applied, String aggregateId) {
        return applied.stream().filter(mark -> mark.getString("a").equals(aggregateId))
                      .mapToLong(mark -> mark.get("s", Number.class).longValue()).findFirst().orElse(-1);
    }

    private static String headKey(String productId) {
        return productId + "/head";
    }

    private static String chunkKey(String productId, long chunk) {
        return productId + "/" + chunk;
    }
}
