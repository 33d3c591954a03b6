package io.tandem.query.decisions;

import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Builds events as the processors receive them: the plan's events on the product's aggregate, feedback events on the
 * feedback item's, sequence numbers per aggregate and global positions counting up, metadata as the command side and
 * the store fill it, and a clock the test moves.
 */
public final class TestEvents {

    private final Map<String, Long> sequences = new HashMap<>();
    private long position;
    private Instant now;

    public TestEvents(Instant start) {
        this.now = start;
    }

    public Instant now() {
        return now;
    }

    public TestEvents advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** The message of an event decided by {@code actor} as {@code role}, next in its aggregate and the stream. */
    public DomainEventMessage<?> message(String actor, Role role, Object payload) {
        String aggregate = aggregateOf(payload);
        long sequence = sequences.merge(aggregate, 0L, (last, zero) -> last + 1);
        position++;
        Map<String, Object> metaData = Map.of(DecisionEvent.ACTOR, actor, DecisionEvent.ROLE, role.name(),
                DecisionEvent.GLOBAL_POSITION, position);
        return new GenericDomainEventMessage<>(payload.getClass().getSimpleName().startsWith("Feedback")
                ? "FeedbackItem" : "ProductPlan", aggregate, sequence, payload, metaData,
                UUID.randomUUID().toString(), now);
    }

    /** The same as {@link #message} as the read models see it. */
    public DecisionEvent event(String actor, Role role, Object payload) {
        return DecisionEvent.from(message(actor, role, payload)).orElseThrow();
    }

    /** A PM decision. */
    public DecisionEvent pm(Object payload) {
        return event("pm", Role.PRODUCT_MANAGER, payload);
    }

    /** A PO decision. */
    public DecisionEvent po(Object payload) {
        return event("po", Role.PRODUCT_OWNER, payload);
    }

    /** The message as a processor delivers it while replaying after a reset. */
    public static TrackedEventMessage<?> replayed(DomainEventMessage<?> message) {
        var reset = new GlobalSequenceTrackingToken(1_000_000);
        var current = new GlobalSequenceTrackingToken(1);
        return new GenericTrackedDomainEventMessage<>(ReplayToken.createReplayToken(reset, current), message);
    }

    /** The message as a processor delivers it in regular processing. */
    public static TrackedEventMessage<?> tracked(DomainEventMessage<?> message) {
        long position = ((Number) message.getMetaData().get(DecisionEvent.GLOBAL_POSITION)).longValue();
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message);
    }

    private static String aggregateOf(Object payload) {
        if (payload instanceof FeedbackReceivedEvent e) {
            return e.feedbackId();
        }
        if (payload instanceof FeedbackTriagedEvent e) {
            return e.feedbackId();
        }
        return DecisionEvent.from(new GenericDomainEventMessage<>("t", "t", 0, payload)).orElseThrow().productId();
    }
}
