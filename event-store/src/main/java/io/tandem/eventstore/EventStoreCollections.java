package io.tandem.eventstore;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.BsonDocument;

/**
 * The collections of the event store and their indexes. Every index is unique and every hot query names all the keys
 * of one of them with equality or {@code $in}: that is the only shape the embedded mongo-java-server serves from an
 * index (it ignores non-unique indexes), and it is served by the same indexes on real MongoDB.
 *
 * @param events    one document per event (and per void position), {@code _id} = global sequence
 * @param snapshots one document per aggregate, {@code _id} = aggregate identifier
 * @param sequences the global sequence counter, {@code _id} = {@value GlobalSequence#COUNTER_ID}
 */
public record EventStoreCollections(MongoCollection<BsonDocument> events,
                                    MongoCollection<BsonDocument> snapshots,
                                    MongoCollection<BsonDocument> sequences) {

    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String SEQUENCES = "sequences";

    /**
     * The collections with their default names in the given database, read from the primary with read concern
     * {@code majority} whatever the connection string says for other reads: a tracking reader or an aggregate load
     * then only sees what a failover cannot roll back (on a replica set appends are acknowledged at the client's
     * write concern, {@code w=majority} in production); the embedded server has one node and ignores both.
     */
    public static EventStoreCollections in(MongoDatabase database) {
        MongoDatabase reads = database.withReadPreference(ReadPreference.primary()).withReadConcern(ReadConcern.MAJORITY);
        return new EventStoreCollections(reads.getCollection(EVENTS, BsonDocument.class),
                                         reads.getCollection(SNAPSHOTS, BsonDocument.class),
                                         reads.getCollection(SEQUENCES, BsonDocument.class));
    }

    /** Creates the unique indexes the engine relies on; idempotent. */
    public void ensureIndexes() {
        IndexOptions unique = new IndexOptions().unique(true);
        events.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY), unique.name("streamKey_unique"));
        events.createIndex(Indexes.ascending(EventDocuments.EVENT_IDENTIFIER),
                           new IndexOptions().unique(true).name("eventIdentifier_unique"));
    }
}
