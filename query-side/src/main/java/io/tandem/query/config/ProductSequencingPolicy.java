package io.tandem.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events of one product are handled in order, one at a time; different products in parallel. Every Tandem event
 * names its product ({@code productId()}); anything else falls back to its aggregate. With a dead-letter queue this
 * also means a poison event parks only the rest of its own product's events.
 */
final class ProductSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final Map<Class<?>, Method> ACCESSORS = new ConcurrentHashMap<>();
    private static final Method NONE = noAccessor();

    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Method accessor = ACCESSORS.computeIfAbsent(payload.getClass(), ProductSequencingPolicy::productIdAccessor);
        if (accessor != NONE) {
            try {
                Object productId = accessor.invoke(payload);
                if (productId != null) {
                    return productId;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read productId of " + payload.getClass(), e);
            }
        }
        return fallback.getSequenceIdentifierFor(event);
    }

    private static Method productIdAccessor(Class<?> type) {
        try {
            return type.getMethod("productId");
        } catch (NoSuchMethodException e) {
            return NONE;
        }
    }

    private static Method noAccessor() {
        try {
            return Object.class.getMethod("toString");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
