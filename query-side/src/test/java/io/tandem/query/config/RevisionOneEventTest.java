package io.tandem.query.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.Urgency;
import io.tandem.eventstore.EventStoreCollections;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event stored before its revision bump — a {@code FeedbackReceivedEvent} document at revision 1, written
 * straight into the events collection in the old payload shape (no {@code customerContact}) — is read through the
 * contract's upcaster: the processors' stream and aggregate loads hand it over at revision 2 with the added field,
 * and the read models built from it show it.
 */
@QuerySideTest
class RevisionOneEventTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase tandemDatabase;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void feedbackStoredAtRevisionOneIsReadAsRevisionTwoAndProjected() throws InterruptedException {
        ProductHistory product = ProductHistory.create(eventStore, "Upgraded", "pm");
        String feedbackId = UUID.randomUUID().toString();
        long position = storeRevisionOneFeedback(product.productId(), feedbackId);

        JsonNode inbox = await().atMost(Duration.ofSeconds(15)).until(
                () -> new Api(port).as("pm").get("/api/products/" + product.productId() + "/feedback").json(),
                entries -> entries.size() == 1);
        JsonNode feedback = inbox.get(0);
        assertThat(feedback.get("feedbackId").asText()).isEqualTo(feedbackId);
        assertThat(feedback.get("summary").asText()).isEqualTo("Checkout times out on slow networks");
        assertThat(feedback.get("channel").asText()).isEqualTo("SUPPORT_TICKET");
        assertThat(feedback.get("urgency").asText()).isEqualTo("HIGH");
        assertThat(feedback.get("customerReference").asText()).isEqualTo("cust-rev1");
        assertThat(feedback.has("customer")).isFalse();
        assertThat(feedback.get("customerErased").asBoolean()).isFalse();

        try (BlockingStream<TrackedEventMessage<?>> stream =
                     eventStore.openStream(GapAwareTrackingToken.newInstance(position - 1, Set.of()))) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertReadAtRevisionTwo(stream.nextAvailable(), feedbackId);
        }
        DomainEventMessage<?> loaded = eventStore.readEvents(feedbackId).next();
        assertReadAtRevisionTwo(loaded, feedbackId);
    }

    private void assertReadAtRevisionTwo(EventMessage<?> event, String feedbackId) {
        assertThat(event.getIdentifier()).isEqualTo("rev1-" + feedbackId);
        SerializedObject<JsonNode> payload = event.serializePayload(eventSerializer, JsonNode.class);
        assertThat(payload.getType().getRevision()).as("read through the upcaster").isEqualTo("2");
        assertThat(payload.getData().has("customerContact")).isTrue();
        assertThat(payload.getData().get("customerContact").isNull()).isTrue();
        assertThat(event.getPayload()).isInstanceOfSatisfying(FeedbackReceivedEvent.class, received -> {
            assertThat(received.channel()).isEqualTo(FeedbackChannel.SUPPORT_TICKET);
            assertThat(received.urgency()).isEqualTo(Urgency.HIGH);
            assertThat(received.customerContact()).isNull();
        });
    }

    /** Appends the document as the engine would have stored it at revision 1, at the next global position. */
    private long storeRevisionOneFeedback(String productId, String feedbackId) {
        long position = tandemDatabase.getCollection(EventStoreCollections.SEQUENCES)
                .findOneAndUpdate(eq("_id", "events"), Updates.inc("value", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .get("value", Number.class).longValue();
        Date now = Date.from(Instant.now());
        tandemDatabase.getCollection(EventStoreCollections.EVENTS).insertOne(new Document("_id", position)
                .append("streamKey", feedbackId + "/0")
                .append("eventIdentifier", "rev1-" + feedbackId)
                .append("aggregateIdentifier", feedbackId)
                .append("sequenceNumber", 0L)
                .append("type", "FeedbackItem")
                .append("timestamp", now)
                .append("payloadType", FeedbackReceivedEvent.class.getName())
                .append("payloadRevision", "1")
                .append("payload", new Document("productId", productId).append("feedbackId", feedbackId)
                        .append("channel", "SUPPORT_TICKET").append("customerReference", "cust-rev1")
                        .append("text", "Checkout times out on slow networks").append("urgency", "HIGH"))
                .append("metaData", new Document("actor", "contributor").append("role", "CONTRIBUTOR"))
                .append("storedAt", now));
        return position;
    }
}
