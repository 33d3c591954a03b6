package io.tandem.query.history;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.query.dashboard.DashboardState;
import io.tandem.query.decisions.DecisionEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.bson.Document;

/**
 * Which events make up each product's history, in collection {@value #COLLECTION}: a head document
 * {@code _id = productId + "/head"} with the {@code count} of events, the {@code newest} global position and, per
 * aggregate with an event in the last {@link #MARK_WINDOW} positions, the last sequence number taken in and its
 * position ({@code applied}, which makes a redelivered event change nothing), the product's sync meetings with their
 * positions ({@code meetings}), and chunk documents
 * {@code _id = productId + "/" + n} holding the {@code entries} ({@code p} = global position, {@code t} = timestamp)
 * number {@code n * CHUNK} to {@code (n + 1) * CHUNK - 1} in the order they were taken in. Reads are {@code _id}
 * equality and {@code $in} lookups only, so they are index-served on the embedded server too.
 */
final class ProductHistoryIndex {

    static final String COLLECTION = "product_history";
    static final int CHUNK = 1000;
    /** How long the redelivery marks last: as long as the dashboard's ({@link DashboardState#MARK_WINDOW}). */
    static final long MARK_WINDOW = DashboardState.MARK_WINDOW;

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
        Map<String, long[]> applied = new LinkedHashMap<>(); // aggregate -> {sequence, position}
        if (head != null) {
            head.getList("applied", Document.class).forEach(mark -> applied.put(mark.getString("a"), new long[] {
                mark.get("s", Number.class).longValue(), longOr0(mark, "p")}));
        }
        long count = before;
        long newest = head == null ? 0 : longOr0(head, "newest");
        List<Document> meetings = head == null ? new ArrayList<>()
                : new ArrayList<>(head.getList("meetings", Document.class, List.of()));
        Map<Long, List<Document>> chunks = new LinkedHashMap<>();
        for (DecisionEvent event : events) {
            if (event.aggregateId() != null && event.sequenceNumber()
                    <= applied.getOrDefault(event.aggregateId(), new long[] {-1, 0})[0]) {
                continue;
            }
            chunks.computeIfAbsent(count / CHUNK, chunk -> new ArrayList<>()).add(
                    new Document("p", event.globalPosition()).append("t", Date.from(event.timestamp())));
            count++;
            if (event.aggregateId() != null) {
                applied.remove(event.aggregateId());
                applied.put(event.aggregateId(), new long[] {event.sequenceNumber(), event.globalPosition()});
            }
            newest = Math.max(newest, event.globalPosition());
            if (event.payload() instanceof SyncMeetingHeldEvent meeting) {
                meetings.add(new Document("m", meeting.meetingId()).append("p", event.globalPosition()));
            }
        }
        if (count == before) {
            return new long[] {before, before};
        }
        long oldestKept = newest - MARK_WINDOW;
        applied.values().removeIf(mark -> mark[1] < oldestKept);
        chunks.forEach((chunk, entries) -> documents.updateOne(eq("_id", chunkKey(productId, chunk)),
                Updates.addEachToSet("entries", entries), new UpdateOptions().upsert(true)));
        List<Document> marks = new ArrayList<>();
        applied.forEach((aggregate, mark) -> marks.add(new Document("a", aggregate).append("s", mark[0])
                .append("p", mark[1])));
        documents.replaceOne(eq("_id", headKey(productId)), new Document("_id", headKey(productId))
                        .append("count", count).append("newest", newest).append("applied", marks)
                        .append("meetings", meetings),
                new ReplaceOptions().upsert(true));
        return new long[] {before, count};
    }

    /** The global position of a sync meeting the product held, if the index has taken it in. */
    OptionalLong meetingPosition(String productId, String meetingId) {
        return meetings(productId).stream().filter(meeting -> meetingId.equals(meeting.getKey()))
                .mapToLong(Map.Entry::getValue).findFirst();
    }

    /**
     * The product's last sync meeting at or before {@code position} that the index has taken in: its id (key) and
     * global position (value); empty when the index holds none (none held by then, or an index written before it
     * recorded meetings).
     */
    Optional<Map.Entry<String, Long>> lastMeeting(String productId, long position) {
        return meetings(productId).stream().filter(meeting -> meeting.getValue() <= position)
                .max(Map.Entry.comparingByValue());
    }

    /** The sync meetings the index has taken in for the product: id and global position. */
    private List<Map.Entry<String, Long>> meetings(String productId) {
        Document head = documents.find(eq("_id", headKey(productId))).first();
        if (head == null) {
            return List.of();
        }
        return head.getList("meetings", Document.class, List.of()).stream()
                .map(meeting -> Map.entry(meeting.getString("m"), meeting.get("p", Number.class).longValue()))
                .toList();
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

    private static long longOr0(Document document, String key) {
        Number value = document.get(key, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static String headKey(String productId) {
        return productId + "/head";
    }

    private static String chunkKey(String productId, long chunk) {
        return productId + "/" + chunk;
    }
}
