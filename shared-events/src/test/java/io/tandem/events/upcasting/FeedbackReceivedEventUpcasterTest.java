package io.tandem.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.SealedContact;
import io.tandem.events.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class FeedbackReceivedEventUpcasterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

    @Test
    void readsRevisionOneFeedbackAsRevisionTwoWithoutContact() {
        ObjectNode stored = mapper.createObjectNode().put("productId", "p1").put("feedbackId", "f1")
                .put("channel", "SUPPORT_TICKET").put("customerReference", "cust-42").put("text", "setup is hard")
                .put("urgency", "HIGH");

        List<IntermediateEventRepresentation> upcast = upcast(stored, "1");

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            FeedbackReceivedEvent payload = serializer.deserialize(event.getData());
            assertThat(payload).isEqualTo(new FeedbackReceivedEvent("p1", "f1", FeedbackChannel.SUPPORT_TICKET,
                    "cust-42", "setup is hard", Urgency.HIGH, null));
        });
    }

    @Test
    void leavesRevisionTwoFeedbackAsItIs() {
        JsonNode stored = mapper.valueToTree(new FeedbackReceivedEvent("p1", "f1", FeedbackChannel.EMAIL, "c-1",
                "text", Urgency.LOW, new SealedContact("bm9uY2U=", "Y2lwaGVy")));

        List<IntermediateEventRepresentation> upcast = upcast(stored, "2");

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            assertThat(((FeedbackReceivedEvent) serializer.deserialize(event.getData())).customerContact())
                    .isEqualTo(new SealedContact("bm9uY2U=", "Y2lwaGVy"));
        });
    }

    @Test
    void isTheContractsOnlyUpcasterSoFar() {
        assertThat(EventUpcasters.all()).singleElement().isInstanceOf(FeedbackReceivedEventUpcaster.class);
    }

    private List<IntermediateEventRepresentation> upcast(JsonNode payload, String revision) {
        SerializedObject<byte[]> data = new SimpleSerializedObject<>(serializer.serialize(payload, byte[].class)
                .getData(), byte[].class, FeedbackReceivedEvent.class.getName(), revision);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("FeedbackItem", "f1", 0, "e1",
                Instant.parse("2026-11-01T10:00:00Z"), data.getType().getName(), revision, data.getData(),
                metaData.getData());
        Stream<IntermediateEventRepresentation> input = Stream.of(new InitialEventRepresentation(entry, serializer));
        return new FeedbackReceivedEventUpcaster().upcast(input).toList();
    }
}
