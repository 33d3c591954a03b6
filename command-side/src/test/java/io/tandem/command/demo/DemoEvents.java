package io.tandem.command.demo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** The stored events of the demo product (plan and feedback alike carry {@code payload.productId}), oldest first. */
final class DemoEvents {

    private final List<Document> events;

    DemoEvents(MongoDatabase database) {
        this.events = database.getCollection("events").find(eq("payload.productId", DemoIds.PRODUCT))
                              .sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    static long countAll(MongoDatabase database) {
        return database.getCollection("events").countDocuments();
    }

    List<Document> all() {
        return events;
    }

    List<Document> ofType(Class<?> payloadType) {
        return events.stream().filter(e -> payloadType.getName().equals(e.getString("payloadType"))).toList();
    }

    static Instant timestamp(Document event) {
        return event.getDate("timestamp").toInstant();
    }

    static Document payload(Document event) {
        return event.get("payload", Document.class);
    }

    static Document metaData(Document event) {
        return event.get("metaData", Document.class);
    }
}
