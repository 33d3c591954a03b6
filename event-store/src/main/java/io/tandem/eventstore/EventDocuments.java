package io.tandem.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.time.Instant;

/**
 * The shape of stored event, snapshot and gap-marker documents, and their mapping to and from Axon's event data.
 * <p>
 * An event document: {@code _id} = global sequence (allocated by the store), {@code streamKey} =
 * {@code aggregateIdentifier + "/" + sequenceNumber} (unique: the concurrency guard and the key of aggregate loads),
 * {@code eventIdentifier} (unique), {@code aggregateIdentifier}, {@code sequenceNumber}, {@code type},
 * {@code timestamp} (the message's), {@code storedAt} (the writer's clock after allocation, used for gap timeouts),
 * {@code payloadType}, {@code payloadRevision}, {@code payload} and {@code metaData} as BSON. An event of no aggregate
 * has no aggregate fields and the stream key {@code "~event/" + eventIdentifier}.
 */
final class EventDocuments {

    static final String ID = "_id";
    static final String STREAM_KEY = "streamKey";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TYPE = "type";
    static final String TIMESTAMP = "timestamp";
    static final String STORED_AT = "storedAt";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    /** Marks a position whose append failed: it will never hold an event, so readers need not wait for it. */
    static final String VOID = "void";

    private EventDocuments() {
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /**
     * Serializes an event into a document without {@code _id} and {@code storedAt}; the appender sets those. An event
     * of no aggregate has no aggregate fields and a stream key of its own.
     */
    static BsonDocument toDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<JsonNode> payload = event.serializePayload(serializer, JsonNode.class);
        SerializedObject<JsonNode> metaData = event.serializeMetaData(serializer, JsonNode.class);
        BsonDocument document = new BsonDocument();
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            String aggregateIdentifier = domainEvent.getAggregateIdentifier();
            document.put(STREAM_KEY, new BsonString(streamKey(aggregateIdentifier, domainEvent.getSequenceNumber())));
            document.put(AGGREGATE_IDENTIFIER, new BsonString(aggregateIdentifier));
            document.put(SEQUENCE_NUMBER, new BsonInt64(domainEvent.getSequenceNumber()));
            document.put(TYPE, nullable(domainEvent.getType()));
        } else {
            document.put(STREAM_KEY, new BsonString("~event/" + event.getIdentifier()));
        }
        document.put(EVENT_IDENTIFIER, new BsonString(event.getIdentifier()));
        document.put(TIMESTAMP, new BsonDateTime(event.getTimestamp().toEpochMilli()));
        document.put(PAYLOAD_TYPE, new BsonString(payload.getType().getName()));
        document.put(PAYLOAD_REVISION, nullable(payload.getType().getRevision()));
        document.put(PAYLOAD, JsonBson.toBson(payload.getData()));
        document.put(META_DATA, JsonBson.toBson(metaData.getData()));
        return document;
    }

    /**
     * The document that fills a position whose append failed. Its keys are unique per position; its
     * {@code storedAt} is taken after the position was allocated, like an event's.
     */
    static BsonDocument voidMarker(long position, Instant storedAt) {
        BsonDocument document = new BsonDocument(ID, new BsonInt64(position));
        document.put(STORED_AT, new BsonDateTime(storedAt.toEpochMilli()));
        document.put(STREAM_KEY, new BsonString("~void/" + position));
        document.put(EVENT_IDENTIFIER, new BsonString("~void-" + position));
        document.put(VOID, BsonBoolean.TRUE);
        return document;
    }

    /**
     * Adds the event's global position to the metadata a reader receives (not to the stored document), as
     * {@value SequencedMongoEventStorageEngine#GLOBAL_POSITION}: a tracked event's token is not its position when it
     * fills a gap, and projections need the position (decision log cursors, catch-up after a reconnect).
     */
    static void exposePosition(BsonDocument document) {
        BsonValue metaData = document.get(META_DATA);
        if (metaData != null && metaData.isDocument()) {
            metaData.asDocument().put(SequencedMongoEventStorageEngine.GLOBAL_POSITION, document.get(ID));
        }
    }

    static boolean isVoid(BsonDocument document) {
        return document.getBoolean(VOID, BsonBoolean.FALSE).getValue();
    }

    static long position(BsonDocument document) {
        return document.getInt64(ID).getValue();
    }

    static Instant storedAt(BsonDocument document) {
        return Instant.ofEpochMilli(document.getDateTime(STORED_AT, new BsonDateTime(0)).getValue());
    }

    static DomainEventData<JsonNode> toDomainEventData(BsonDocument document) {
        return new GenericDomainEventEntry<>(string(document, TYPE),
                                             string(document, AGGREGATE_IDENTIFIER),
                                             document.getInt64(SEQUENCE_NUMBER).getValue(),
                                             string(document, EVENT_IDENTIFIER),
                                             Instant.ofEpochMilli(document.getDateTime(TIMESTAMP).getValue()),
                                             string(document, PAYLOAD_TYPE),
                                             string(document, PAYLOAD_REVISION),
                                             JsonBson.toJson(document.get(PAYLOAD)),
                                             JsonBson.toJson(document.get(META_DATA)));
    }

    static TrackedEventData<JsonNode> toTrackedEventData(BsonDocument document, TrackingToken token) {
        if (document.containsKey(AGGREGATE_IDENTIFIER)) {
            return new TrackedDomainEventData<>(token, toDomainEventData(document));
        }
        return new TrackedEventEntry<>(token,
                                       string(document, EVENT_IDENTIFIER),
                                       Instant.ofEpochMilli(document.getDateTime(TIMESTAMP).getValue()),
                                       string(document, PAYLOAD_TYPE),
                                       string(document, PAYLOAD_REVISION),
                                       JsonBson.toJson(document.get(PAYLOAD)),
                                       JsonBson.toJson(document.get(META_DATA)));
    }

    private static BsonValue nullable(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    private static String string(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }
}
