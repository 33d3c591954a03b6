package io.tandem.eventstore;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * The store-allocated global sequence: one counter document incremented atomically by each append for as many
 * positions as it has events. Positions start at 1. A position that is allocated but never filled is a gap for
 * readers until it is filled by a void marker or times out.
 * <p>
 * The increment is written with {@code w: 1, j: false}: it need not be durable on its own. An append is acknowledged
 * only once its insert is durable (and, on a replica set, majority-committed), and both the journal and the oplog are
 * ordered, so a durable insert implies that the increment before it is durable too. An increment lost in a crash
 * belongs to an append that was never acknowledged. This saves one durable commit per append.
 */
final class GlobalSequence {

    static final String COUNTER_ID = "events";
    private static final String VALUE = "value";
    private static final BsonDocument COUNTER = new BsonDocument("_id", new BsonString(COUNTER_ID));

    private final MongoCollection<BsonDocument> sequences;

    GlobalSequence(MongoCollection<BsonDocument> sequences) {
        this.sequences = sequences.withWriteConcern(WriteConcern.W1.withJournal(false));
    }

    /** Allocates {@code count} consecutive positions and returns the first. */
    long allocate(int count) {
        BsonDocument counter = sequences.findOneAndUpdate(
                COUNTER,
                new BsonDocument("$inc", new BsonDocument(VALUE, new BsonInt64(count))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long last = counter.getNumber(VALUE).longValue();
        return last - count + 1;
    }

    /** The highest position allocated so far (0 when nothing was ever appended). */
    long head() {
        BsonDocument counter = sequences.find(COUNTER).first();
        return counter == null ? 0 : counter.getNumber(VALUE).longValue();
    }
}
