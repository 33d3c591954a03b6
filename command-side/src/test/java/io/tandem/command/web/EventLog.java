package io.tandem.command.web;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** Reads the events collection of the store the application writes to. */
public final class EventLog {

    private final MongoDatabase database;

    public EventLog(MongoDatabase database) {
        this.database = database;
    }

    /** Stored events, not counting the void markers a failed append leaves on its positions. */
    public long count() {
        return database.getCollection("events").countDocuments(exists("void", false));
    }

    /** The event of an aggregate at a sequence number (the version a command answered with). */
    public Document at(String aggregateId, long sequenceNumber) {
        Document event = database.getCollection("events").find(eq("streamKey", aggregateId + "/" + sequenceNumber))
                .first();
        if (event == null) {
            throw new AssertionError("No event " + sequenceNumber + " of " + aggregateId);
        }
        return event;
    }

    /** The simple class name of the payload of that event, e.g. {@code ProductCreatedEvent}. */
    public String typeAt(String aggregateId, long sequenceNumber) {
        String type = at(aggregateId, sequenceNumber).getString("payloadType");
        return type.substring(type.lastIndexOf('.') + 1);
    }

    public Document metaDataAt(String aggregateId, long sequenceNumber) {
        return at(aggregateId, sequenceNumber).get("metaData", Document.class);
    }
}
