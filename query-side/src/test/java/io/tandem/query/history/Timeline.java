package io.tandem.query.history;

import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Writes a product's decisions into the event store as the command side does (plan and feedback aggregates, actor and
 * role as metadata), one minute apart from {@link #START}, so tests can name instants between two decisions.
 */
public final class Timeline {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final EventStore store;
    private final String productId = UUID.randomUUID().toString();
    private final Map<String, Long> sequences = new HashMap<>();
    private int written;

    private Timeline(EventStore store) {
        this.store = store;
    }

    /** A product created by pm, with pm as product manager and po as product owner. */
    public static Timeline product(EventStore store, String name) {
        Timeline t = new Timeline(store);
        t.pm(new ProductCreatedEvent(t.productId, name, "Vision of " + name));
        t.pm(new RoleGrantedEvent(t.productId, "pm", Role.PRODUCT_MANAGER));
        t.pm(new RoleGrantedEvent(t.productId, "po", Role.PRODUCT_OWNER));
        return t;
    }

    public String productId() {
        return productId;
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    /** How many events have been written. */
    public int count() {
        return written;
    }

    /** The timestamp of the {@code n}-th event written (1-based). */
    static Instant timeOf(int n) {
        return START.plus(Duration.ofMinutes(n - 1L));
    }

    /** A plan decision by pm as product manager; returns the moment it was taken. */
    public Instant pm(Object payload) {
        return plan("pm", Role.PRODUCT_MANAGER, payload);
    }

    /** A plan decision by po as product owner. */
    public Instant po(Object payload) {
        return plan("po", Role.PRODUCT_OWNER, payload);
    }

    Instant plan(String actor, Role role, Object payload) {
        return append("ProductPlan", productId, actor, role, payload);
    }

    /** A decision of feedback item {@code feedbackId}'s own aggregate. */
    public Instant feedback(String feedbackId, String actor, Role role, Object payload) {
        return append("FeedbackItem", feedbackId, actor, role, payload);
    }

    private Instant append(String type, String aggregateId, String actor, Role role, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Instant at = timeOf(++written);
        store.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                MetaData.with("actor", actor).and("role", role.name()), UUID.randomUUID().toString(), at));
        return at;
    }
}
