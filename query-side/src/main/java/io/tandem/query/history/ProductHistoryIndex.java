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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * already taken in.
     */
    long append(DecisionEvent event) {
        long[] counts = appendAll(event.productId(), List.of(event));
        return counts[1] > counts[0] ? counts[1] : -1;
    }

    /**
     * Takes in events of one product, in the order they were handled, skipping those already taken in; returns how
     * many events the history held before and holds after. The entries are added to their chunks with
     * {@code $addToSet} (one write per chunk) before the head is advanced (one write), so a crash between the writes
     * and the redelivery that follows add each entry once.
     */
    long[] appendAll(String productId, List<DecisionEvent> events) {
        Document head = documents.find(eq("_id", headKey(productId))).first();
        long before = head == null ? 0 : head.get("count", Number.class).longValue();
        Map<String, Long> applied = new LinkedHashMap<>();
        if (head != null) {
            head.getList("applied", Document.class).forEach(mark -> applied.put(mark.getString("a"),
                    mark.get("s", Number.class).longValue()));
        }
        long count = before;
        Map<Long, List<Document>> chunks = new LinkedHashMap<>();
        for (DecisionEvent event : events) {
            if (event.aggregateId() != null
                    && event.sequenceNumber() <= applied.getOrDefault(event.aggregateId(), -1L)) {
                continue;
            }
            chunks.computeIfAbsent(count / CHUNK, chunk -> new ArrayList<>()).add(
                    new Document("p", event.globalPosition()).append("t", Date.from(event.timestamp())));
            count++;
            if (event.aggregateId() != null) {
                applied.remove(event.aggregateId());
                applied.put(event.aggregateId(), event.sequenceNumber());
            }
        }
        if (count == before) {
            return new long[] {before, before};
        }
        chunks.forEach((chunk, entries) -> documents.updateOne(eq("_id", chunkKey(productId, chunk)),
                Updates.addEachToSet("entries", entries), new UpdateOptions().upsert(true)));
        List<Document> marks = new ArrayList<>();
        applied.forEach((aggregate, sequence) -> marks.add(new Document("a", aggregate).append("s", sequence)));
        documents.replaceOne(eq("_id", headKey(productId)),
                new Document("_id", headKey(productId)).append("count", count).append("applied", marks),
                new ReplaceOptions().upsert(true));
        return new long[] {before, count};
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

    private static String headKey(String productId) {
        return productId + "/head";
    }

    private static String chunkKey(String productId, long chunk) {
        return productId + "/" + chunk;
    }
}
