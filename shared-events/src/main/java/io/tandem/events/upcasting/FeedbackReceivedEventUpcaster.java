package io.tandem.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tandem.events.FeedbackReceivedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link FeedbackReceivedEvent} revision 1 → 2: revision 2 added the sealed {@code customerContact}; feedback stored at
 * revision 1 had none, so it is read with {@code customerContact: null}.
 */
public final class FeedbackReceivedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(FeedbackReceivedEvent.class.getName(), "1");
    static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(REVISION_1.getName(), REVISION_2),
                                            JsonNode.class, FeedbackReceivedEventUpcaster::addEmptyContact);
    }

    private static JsonNode addEmptyContact(JsonNode payload) {
        if (payload instanceof ObjectNode object && !object.has("customerContact")) {
            object.putNull("customerContact");
        }
        return payload;
    }
}
