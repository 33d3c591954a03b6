package io.tandem.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns Axon's {@link AggregateNotFoundException} (a command for an unknown product or feedback id) into our
 * {@link NotFoundException}, so that the web layer sees the same exception for "unknown" and "not a member".
 * Axon's Spring Boot auto-configuration registers every {@code MessageHandlerInterceptor} bean on the command bus.
 */
@Component
public class AggregateNotFoundTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException e) {
            throw NotFoundException.of(String.valueOf(e.getAggregateIdentifier()));
        }
    }
}
