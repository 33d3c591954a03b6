package io.tandem.query.decisions;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * One stored event as the read models see it: the decision (payload), who took it in which role, when, where it sits
 * in the global stream, and its place in its aggregate's stream (the key that makes projections idempotent).
 *
 * <p>Every Tandem event is a decision of some product, so the read models take all of them. Timestamps are cut to
 * milliseconds, the precision MongoDB stores, so a read model never shows a time it cannot store.
 *
 * @param eventId        the event's unique identifier
 * @param productId      the product the event belongs to ({@code productId()} of the payload)
 * @param payload        the event record from {@code io.tandem.events}
 * @param actor          the user who decided (metadata {@value #ACTOR}), may be null
 * @param role           the {@code Role} name the actor acted in (metadata {@value #ROLE}), may be null
 * @param timestamp      when the event was appended
 * @param globalPosition the position in the global stream (metadata {@value #GLOBAL_POSITION}, else the tracking
 *                       token's position), -1 when unknown
 * @param aggregateId    the aggregate that applied the event, null for a non-domain event
 * @param sequenceNumber the event's sequence number within its aggregate, -1 for a non-domain event
 */
public record DecisionEvent(String eventId, String productId, Object payload, String actor, String role,
                            Instant timestamp, long globalPosition, String aggregateId, long sequenceNumber) {

    /** Metadata key of the user who decided. */
    public static final String ACTOR = "actor";
    /** Metadata key of the role the actor acted in. */
    public static final String ROLE = "role";
    /** Metadata key of the global position, added by the event store when it reads. */
    public static final String GLOBAL_POSITION = "globalPosition";

    private static final Map<Class<?>, Optional<Method>> PRODUCT_ID = new ConcurrentHashMap<>();

    /** The event's type: the payload's simple class name without the {@code Event} suffix. */
    public String type() {
        String name = payload.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    /** The event of a message whose payload names a product; empty for anything else. */
    public static Optional<DecisionEvent> from(EventMessage<?> message) {
        Object payload = message.getPayload();
        String productId = productIdOf(payload);
        if (productId == null) {
            return Optional.empty();
        }
        String aggregateId = null;
        long sequence = -1;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return Optional.of(new DecisionEvent(message.getIdentifier(), productId, payload,
                text(message.getMetaData().get(ACTOR)), text(message.getMetaData().get(ROLE)),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), positionOf(message), aggregateId, sequence));
    }

    private static long positionOf(EventMessage<?> message) {
        if (message.getMetaData().get(GLOBAL_POSITION) instanceof Number position) {
            return position.longValue();
        }
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1);
        }
        return -1;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String productIdOf(Object payload) {
        Optional<Method> accessor = PRODUCT_ID.computeIfAbsent(payload.getClass(), DecisionEvent::accessor);
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            Object productId = accessor.get().invoke(payload);
            return productId == null ? null : productId.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read productId of " + payload.getClass().getName(), e);
        }
    }

    private static Optional<Method> accessor(Class<?> type) {
        try {
            return Optional.of(type.getMethod("productId"));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
