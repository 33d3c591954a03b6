package io.tandem.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The event store as the tests audit it: the {@code events} collection of database {@code tandem} read through the
 * driver (field names as event-store's {@code EventDocuments} writes them), void markers of failed appends left out.
 */
final class StoredEventLog implements AutoCloseable {

    /** One stored event: its global position, aggregate, sequence number, payload type, payload and metadata. */
    record StoredEvent(long position, String aggregateId, long sequenceNumber, String payloadType, Document payload,
                       Document metaData) {

        String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }

        String meta(String key) {
            Object value = metaData == null ? null : metaData.get(key);
            return value == null ? null : value.toString();
        }
    }

    private final MongoClient client;

    StoredEventLog(String connectionString) {
        this.client = MongoClients.create(connectionString);
    }

    /** Every event in the store, by global position. */
    List<StoredEvent> all() {
        List<StoredEvent> events = new ArrayList<>();
        client.getDatabase("tandem").getCollection("events").find().sort(new Document("_id", 1)).forEach(d -> {
            if (!Boolean.TRUE.equals(d.getBoolean("void")) && d.containsKey("payloadType")) {
                Number sequence = d.get("sequenceNumber", Number.class);
                events.add(new StoredEvent(d.get("_id", Number.class).longValue(), d.getString("aggregateIdentifier"),
                                           sequence == null ? -1 : sequence.longValue(), d.getString("payloadType"),
                                           d.get("payload", Document.class), d.get("metaData", Document.class)));
            }
        });
        return events;
    }

    /** The events of one product: those of its plan and those whose payload names it (feedback). */
    List<StoredEvent> ofProduct(String productId) {
        return all().stream().filter(e -> productId.equals(e.aggregateId())
                || e.payload() != null && productId.equals(e.payload().getString("productId"))).toList();
    }

    MongoClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
