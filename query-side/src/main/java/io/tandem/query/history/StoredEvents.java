package io.tandem.query.history;

import static com.mongodb.client.model.Filters.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.tandem.eventstore.EventStoreCollections;
import io.tandem.query.decisions.DecisionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads events from the event store's collection by global position ({@code _id $in}, index-served) and turns them
 * into {@link DecisionEvent}s the way a processor receives them: through the upcaster chain and the event serializer.
 * Stored payloads and metadata are BSON documents written from Jackson trees; they are read back into trees here.
 */
final class StoredEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MongoCollection<BsonDocument> events;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    StoredEvents(MongoDatabase database, Serializer serializer, EventUpcaster upcasters) {
        this.events = database.getCollection(EventStoreCollections.EVENTS, BsonDocument.class);
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** The product events at these positions, by position; positions that hold no product event are left out. */
    Map<Long, DecisionEvent> at(List<Long> positions) {
        List<TrackedEventData<?>> data = new ArrayList<>(positions.size());
        for (BsonDocument document : events.find(in("_id", positions))) {
            if (!document.containsKey("void") && document.containsKey("aggregateIdentifier")) {
                data.add(toEventData(document));
            }
        }
        Map<Long, DecisionEvent> found = new HashMap<>();
        EventUtils.upcastAndDeserializeTrackedEvents(data.stream(), serializer, upcasters)
                  .forEach(message -> DecisionEvent.from(message)
                          .ifPresent(event -> found.put(event.globalPosition(), event)));
        return found;
    }

    private static TrackedEventData<JsonNode> toEventData(BsonDocument d) {
        long position = d.getInt64("_id").getValue();
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventEntry<>(text(d, "type"), text(d, "aggregateIdentifier"),
                        d.getInt64("sequenceNumber").getValue(), text(d, "eventIdentifier"),
                        Instant.ofEpochMilli(d.getDateTime("timestamp").getValue()), text(d, "payloadType"),
                        text(d, "payloadRevision"), json(d.get("payload")), json(d.get("metaData"))));
    }

    private static String text(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }

    /** The Jackson tree of a stored BSON value: the inverse of how the event store writes payloads. */
    static JsonNode json(BsonValue value) {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        return switch (value.getBsonType()) {
            case DOCUMENT -> {
                ObjectNode object = NODES.objectNode();
                value.asDocument().forEach((key, element) -> object.set(key, json(element)));
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                value.asArray().forEach(element -> array.add(json(element)));
                yield array;
            }
            case STRING -> NODES.textNode(value.asString().getValue());
            case BOOLEAN -> NODES.booleanNode(value.asBoolean().getValue());
            case INT32 -> NODES.numberNode(value.asInt32().getValue());
            case INT64 -> NODES.numberNode(value.asInt64().getValue());
            case DOUBLE -> NODES.numberNode(value.asDouble().getValue());
            case DECIMAL128 -> NODES.numberNode(value.asDecimal128().getValue().bigDecimalValue());
            case BINARY -> NODES.binaryNode(value.asBinary().getData());
            case DATE_TIME -> NODES.numberNode(value.asDateTime().getValue());
            default -> throw new IllegalArgumentException("Unsupported BSON type in a stored event: "
                    + value.getBsonType());
        };
    }
}
