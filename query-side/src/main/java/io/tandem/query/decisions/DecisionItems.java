package io.tandem.query.decisions;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The titles and states the log's sentences need, in collection {@value #COLLECTION} keyed
 * {@code productId + "/" + itemId} (every lookup is an {@code _id} lookup). An item is only changed by events of its
 * own aggregate (the plan, or the feedback item), so each item remembers the sequence number of the last event that
 * changed it and an event at or below it changes nothing.
 */
final class DecisionItems {

    static final String COLLECTION = "decision_log_items";

    private final MongoCollection<Document> items;

    DecisionItems(MongoDatabase database) {
        this.items = database.getCollection(COLLECTION);
    }

    /** What the log knows about the items of one product. */
    ItemLookup of(String productId) {
        return new ItemLookup() {
            @Override
            public String title(String itemId) {
                return field(productId, itemId, "title");
            }

            @Override
            public String state(String itemId) {
                return field(productId, itemId, "state");
            }
        };
    }

    /** Takes in what an event says about titles and states. */
    void remember(DecisionEvent event) {
        String p = event.productId();
        long seq = event.sequenceNumber();
        Object payload = event.payload();
        if (payload instanceof ObjectiveDefinedEvent e) {
            set(p, e.objectiveId(), seq, Updates.set("title", e.title()));
        } else if (payload instanceof RoadmapItemPlannedEvent e) {
            set(p, e.roadmapItemId(), seq, Updates.combine(Updates.set("title", e.title()),
                    Updates.set("state", e.horizon().name())));
        } else if (payload instanceof RoadmapItemRescheduledEvent e) {
            set(p, e.roadmapItemId(), seq, Updates.set("state", e.to().name()));
        } else if (payload instanceof RoadmapItemDroppedEvent e) {
            set(p, e.roadmapItemId(), seq, Updates.set("state", "DROPPED"));
        } else if (payload instanceof BacklogItemAddedEvent e) {
            set(p, e.backlogItemId(), seq, Updates.set("title", e.title()));
        } else if (payload instanceof FeedbackReceivedEvent e) {
            set(p, e.feedbackId(), seq, Updates.combine(Updates.set("title", DecisionDescriptions.summary(e.text())),
                    Updates.set("state", RecordDescriptions.UNTRIAGED)));
        } else if (payload instanceof FeedbackTriagedEvent e) {
            set(p, e.feedbackId(), seq, Updates.set("state", e.outcome().name()));
        }
    }

    void clear() {
        items.deleteMany(new Document());
    }

    private void set(String productId, String itemId, long sequence, Bson update) {
        String key = key(productId, itemId);
        Document known = items.find(eq("_id", key)).first();
        if (known != null && sequence >= 0 && known.get("seq", -1L) >= sequence) {
            return;
        }
        items.updateOne(eq("_id", key), Updates.combine(update, Updates.set("seq", sequence)),
                new UpdateOptions().upsert(true));
    }

    private String field(String productId, String itemId, String field) {
        if (itemId == null) {
            return null;
        }
        Document item = items.find(eq("_id", key(productId, itemId))).first();
        return item == null ? null : item.getString(field);
    }

    private static String key(String productId, String itemId) {
        return productId + "/" + itemId;
    }
}
