package io.tandem.eventstore;

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

    /** The collections with their default names in the given database. */
    public static EventStoreCollections in(MongoDatabase database) {
        return new EventStoreCollections(database.getCollection(EVENTS, BsonDocument.class),
                                         database.getCollection(SNAPSHOTS, BsonDocument.class),
                                         database.getCollection(SEQUENCES, BsonDocument.class));
    }

    /** Creates the unique indexes the engine relies on; idempotent. */
    public void ensureIndexes() {
        IndexOptions unique = new IndexOptions().unique(true);
        events.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY), unique.name("streamKey_unique"));
        events.createIndex(Indexes.ascending(EventDocuments.EVENT_IDENTIFIER),
                           new IndexOptions().unique(true).name("eventIdentifier_unique"));
    }
}
