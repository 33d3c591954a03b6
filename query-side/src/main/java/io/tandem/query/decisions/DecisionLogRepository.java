package io.tandem.query.decisions;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The decision log in collection {@value #COLLECTION}, one document per event with {@code _id} = event identifier,
 * so recording an event twice stores it once.
 *
 * <p>List queries filter by product and sort by global position. On real MongoDB an index on
 * {@code (productId, globalPosition)} would serve them; the embedded server serves only {@code _id}-style equality
 * from unique indexes, so there they scan the collection (acceptable for the audit's volumes; a per-product
 * position index is the way out when it is not).
 */
final class DecisionLogRepository {

    static final String COLLECTION = "decision_log";

    private final MongoCollection<Document> log;

    DecisionLogRepository(MongoDatabase database) {
        this.log = database.getCollection(COLLECTION);
    }

    /** Stores the entry; false when an entry with its id was already stored (a redelivered event). */
    boolean insert(DecisionLogEntry entry, List<String> itemIds) {
        try {
            log.insertOne(toDocument(entry, itemIds));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Up to {@code limit} entries of a product matching the filter after the cursor, by global position. */
    List<DecisionLogEntry> find(String productId, DecisionLogFilter filter, Long after, int limit) {
        return query(condition(productId, filter, after), limit);
    }

    /**
     * Hands every entry of a product matching the filter to {@code sink}, by global position, one at a time from a
     * cursor that fetches {@code batchSize} documents per round trip: never more than one batch is held in memory.
     * The cursor is closed when the sink throws (e.g. the client of an export went away).
     */
    void forEach(String productId, DecisionLogFilter filter, int batchSize, Consumer<DecisionLogEntry> sink) {
        try (MongoCursor<Document> cursor = log.find(condition(productId, filter, null))
                .sort(Sorts.ascending("globalPosition")).batchSize(batchSize).cursor()) {
            while (cursor.hasNext()) {
                sink.accept(toEntry(cursor.next()));
            }
        }
    }

    private static Bson condition(String productId, DecisionLogFilter filter, Long after) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(eq("productId", productId));
        addIfSet(conditions, "actor", filter.actor());
        addIfSet(conditions, "role", filter.role());
        addIfSet(conditions, "type", filter.type());
        addIfSet(conditions, "itemIds", filter.itemId());
        if (filter.from() != null) {
            conditions.add(gte("timestamp", Date.from(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(lt("timestamp", Date.from(filter.to())));
        }
        if (after != null) {
            conditions.add(gt("globalPosition", after));
        }
        return and(conditions);
    }

    /** Every entry that concerns the item, by global position. */
    List<DecisionLogEntry> concerning(String productId, String itemId) {
        return query(and(eq("productId", productId), eq("itemIds", itemId)), 0);
    }

    void clear() {
        log.deleteMany(new Document());
    }

    private List<DecisionLogEntry> query(Bson filter, int limit) {
        List<DecisionLogEntry> entries = new ArrayList<>();
        log.find(filter).sort(Sorts.ascending("globalPosition")).limit(limit)
           .forEach(document -> entries.add(toEntry(document)));
        return entries;
    }

    private static void addIfSet(List<Bson> conditions, String field, String value) {
        if (value != null) {
            conditions.add(eq(field, value));
        }
    }

    private static Document toDocument(DecisionLogEntry e, List<String> itemIds) {
        return new Document("_id", e.id()).append("productId", e.productId())
                .append("globalPosition", e.globalPosition()).append("timestamp", Date.from(e.timestamp()))
                .append("actor", e.actor()).append("role", e.role()).append("type", e.type())
                .append("sentence", e.sentence()).append("itemId", e.itemId()).append("before", e.before())
                .append("after", e.after()).append("rationale", e.rationale()).append("itemIds", itemIds);
    }

    private static DecisionLogEntry toEntry(Document d) {
        return new DecisionLogEntry(d.getString("_id"), d.getString("productId"),
                d.get("globalPosition", Number.class).longValue(), d.getDate("timestamp").toInstant(),
                d.getString("actor"), d.getString("role"), d.getString("type"), d.getString("sentence"),
                d.getString("itemId"), d.getString("before"), d.getString("after"), d.getString("rationale"));
    }
}
