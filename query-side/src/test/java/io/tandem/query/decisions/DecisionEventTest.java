package io.tandem.query.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.Role;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

class DecisionEventTest {

    private static final ObjectiveDefinedEvent DEFINED = new ObjectiveDefinedEvent("p1", "o1", "Goal", "metric");

    @Test
    void readsWhoDecidedInWhichRoleAndWhereTheEventSitsFromTheMessage() {
        var message = new GenericDomainEventMessage<>("ProductPlan", "p1", 7, DEFINED,
                Map.of("actor", "pm", "role", Role.PRODUCT_MANAGER.name(), "globalPosition", 42L), "e1",
                Instant.parse("2026-03-02T09:00:00.123456789Z"));

        DecisionEvent event = DecisionEvent.from(message).orElseThrow();

        assertThat(event).isEqualTo(new DecisionEvent("e1", "p1", DEFINED, "pm", "PRODUCT_MANAGER",
                Instant.parse("2026-03-02T09:00:00.123Z"), 42, "p1", 7));
        assertThat(event.type()).isEqualTo("ObjectiveDefined");
    }

    @Test
    void takesTheTrackingTokensPositionWhenTheMetaDataHasNone() {
        var message = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(99),
                new GenericDomainEventMessage<>("ProductPlan", "p1", 0, DEFINED));

        assertThat(DecisionEvent.from(message).orElseThrow().globalPosition()).isEqualTo(99);
    }

    @Test
    void ignoresEventsThatNameNoProduct() {
        assertThat(DecisionEvent.from(GenericEventMessage.asEventMessage("not a decision"))).isEmpty();
    }
}
