package io.tandem.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Writes one append: takes positions from the global sequence, inserts the events at those positions (in a
 * transaction when the server supports it and there is more than one event) and, when the insert fails, fills the
 * positions with void markers so that readers stop waiting for them.
 */
final class EventAppender {

    private static final int ATTEMPTS = 3;

    private final MongoClient client;
    private final MongoCollection<BsonDocument> events;
    private final GlobalSequence sequence;
    private final boolean transactional;
    private final Duration maxInsertDelay;
    private final Clock clock;
    private final AppendListener listener;

    EventAppender(MongoClient client, MongoCollection<BsonDocument> events, GlobalSequence sequence,
                  boolean transactional, Duration maxInsertDelay, Clock clock, AppendListener listener) {
        this.client = client;
        this.events = events;
        this.sequence = sequence;
        this.transactional = transactional;
        this.maxInsertDelay = maxInsertDelay;
        this.clock = clock;
        this.listener = listener;
    }

    void append(List<BsonDocument> documents) {
        rejectDuplicatesWithinBatch(documents);
        for (int attempt = 1; ; attempt++) {
            int count = documents.size();
            long first = sequence.allocate(count);
            long allocatedAt = System.nanoTime();
            listener.positionsAllocated(first, count);
            if (System.nanoTime() - allocatedAt > maxInsertDelay.toNanos()) {
                // Readers may already treat these positions as timed-out gaps: never fill them late.
                voidPositions(first, count);
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw new EventStoreException("Append stalled longer than " + maxInsertDelay
                                                      + " between allocating its positions and inserting");
            }
            insertAt(first, documents);
            return;
        }
    }

    private void insertAt(long first, List<BsonDocument> documents) {
        BsonDateTime storedAt = new BsonDateTime(clock.millis());
        List<BsonDocument> positioned = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            BsonDocument document = new BsonDocument(EventDocuments.ID, new BsonInt64(first + i));
            document.putAll(documents.get(i));
            document.put(EventDocuments.STORED_AT, storedAt);
            positioned.add(document);
        }
        try {
            if (positioned.size() == 1) {
                events.insertOne(positioned.get(0));
            } else if (transactional) {
                try (ClientSession session = client.startSession()) {
                    session.withTransaction(() -> events.insertMany(session, positioned));
                }
            } else {
                events.insertMany(positioned, new InsertManyOptions().ordered(true));
            }
        } catch (MongoException e) {
            try {
                undoPartialInsert(first, e);
                voidPositions(first, documents.size());
            } catch (MongoException cleanupFailure) {
                // The positions stay open gaps until readers time them out.
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    /** Without a transaction an ordered insert keeps the events before the failing one: take them back. */
    private void undoPartialInsert(long first, MongoException e) {
        if (transactional || !(e instanceof MongoBulkWriteException bulk) || bulk.getWriteErrors().isEmpty()) {
            return;
        }
        int inserted = bulk.getWriteErrors().get(0).getIndex();
        if (inserted > 0) {
            events.deleteMany(Filters.in(EventDocuments.ID, LongStream.range(first, first + inserted).boxed().toList()));
        }
    }

    /** Fills positions that hold no event with void markers; positions that do hold an event keep it. */
    void voidPositions(long first, int count) {
        List<BsonDocument> markers = LongStream.range(first, first + count)
                                               .mapToObj(position -> EventDocuments.voidMarker(position, clock.instant()))
                                               .toList();
        try {
            events.insertMany(markers, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(
                    error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    private static void rejectDuplicatesWithinBatch(List<BsonDocument> documents) {
        Set<String> keys = new HashSet<>();
        for (BsonDocument document : documents) {
            String streamKey = document.getString(EventDocuments.STREAM_KEY).getValue();
            String eventIdentifier = document.getString(EventDocuments.EVENT_IDENTIFIER).getValue();
            if (!keys.add("s:" + streamKey) || !keys.add("e:" + eventIdentifier)) {
                throw new MongoDuplicateKeyResolver.DuplicateInBatchException(
                        "Append contains " + streamKey + " / event " + eventIdentifier + " twice");
            }
        }
    }
}
