package io.tandem.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.util.stream.Stream;

/** One snapshot per aggregate, {@code _id} = aggregate identifier; a snapshot never replaces a newer one. */
final class SnapshotStore {

    private final MongoCollection<BsonDocument> snapshots;

    SnapshotStore(MongoCollection<BsonDocument> snapshots) {
        this.snapshots = snapshots;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        BsonDocument document = EventDocuments.toDocument(snapshot, serializer);
        document.remove(EventDocuments.STREAM_KEY);
        BsonString id = new BsonString(snapshot.getAggregateIdentifier());
        document.put(EventDocuments.ID, id);
        for (int attempt = 0; attempt < 3; attempt++) {
            BsonDocument existing = snapshots.find(Filters.eq(EventDocuments.ID, id)).first();
            if (existing == null) {
                try {
                    snapshots.insertOne(document);
                    return;
                } catch (MongoWriteException e) {
                    if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    // another snapshotter was first: compare with its snapshot
                }
            } else if (existing.getInt64(EventDocuments.SEQUENCE_NUMBER).getValue() < snapshot.getSequenceNumber()) {
                snapshots.replaceOne(Filters.eq(EventDocuments.ID, id), document);
                return;
            } else {
                return;
            }
        }
    }

    Stream<DomainEventData<?>> read(String aggregateIdentifier) {
        BsonDocument document = snapshots.find(Filters.eq(EventDocuments.ID, aggregateIdentifier)).first();
        return document == null ? Stream.empty() : Stream.of(EventDocuments.toDomainEventData(document));
    }
}
