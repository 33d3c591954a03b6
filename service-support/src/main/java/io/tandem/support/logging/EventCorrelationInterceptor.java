package io.tandem.support.logging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Keeps an event's {@value CorrelationIds#KEY} metadata in the MDC while a processor handles it, so what a
 * projection logs names the request that caused the event. Axon calls it once per event, also within a batch.
 */
public final class EventCorrelationInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(CorrelationIds.KEY);
        if (!(correlationId instanceof String id)) {
            return chain.proceed();
        }
        String outer = MDC.get(CorrelationIds.KEY);
        MDC.put(CorrelationIds.KEY, id);
        try {
            return chain.proceed();
        } finally {
            if (outer == null) {
                MDC.remove(CorrelationIds.KEY);
            } else {
                MDC.put(CorrelationIds.KEY, outer);
            }
        }
    }
}
