package io.tandem.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.command.common.CommandResult;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Closes the crash window of idempotent commands: a command with an {@code Idempotency-Key} writes the answer it will
 * get and the identifier of its last event into the key's record ({@link IdempotencyStore#prepare}) after its handler
 * ran and right before its events are appended. A retry that takes over the record after a crash looks that event up
 * (the events' unique {@code eventIdentifier} index): found means the command was appended, and the prepared answer
 * is replayed instead of running the command a second time.
 * <p>
 * Two interceptors share the command's unit of work: the command handler interceptor keeps the answer once the
 * handler returned; the event bus calls its dispatch interceptors with the unit's events in the prepare-commit phase,
 * just before it appends them, and that is where the answer is prepared. If preparing fails, the command fails and
 * nothing is appended.
 */
final class PreparedAnswers {

    /**
     * Command metadata set by the web layer ({@code CommandDispatcher}): the HTTP status an accepted command gets.
     * Not copied into events.
     */
    static final String ANSWER_STATUS = "answerStatus";
    private static final String ANSWER = PreparedAnswers.class.getName() + ".answer";

    /** The record of the command's key and the answer it gets if its events are appended. */
    private record Answer(String recordId, StoredResponse response) {
    }

    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    PreparedAnswers(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** Keeps the answer of an idempotent command in its unit of work once its handler returned. */
    MessageHandlerInterceptor<CommandMessage<?>> answerKeeper() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unit, InterceptorChain chain)
                    throws Exception {
                Object result = chain.proceed();
                MetaData metaData = unit.getMessage().getMetaData();
                Object key = metaData.get("idempotencyKey");
                if (key != null && metaData.get(ANSWER_STATUS) instanceof Number status
                        && result instanceof CommandResult answer) {
                    String body = mapper.createObjectNode().put("id", answer.id()).put("version", answer.version())
                                        .toString();
                    unit.root().resources().put(ANSWER, new Answer(metaData.get("actor") + ":" + key,
                            new StoredResponse(status.intValue(), body, answer.version())));
                }
                return result;
            }
        };
    }

    /** Prepares the kept answer with the identifier of the last event, before the event bus appends the events. */
    MessageDispatchInterceptor<EventMessage<?>> answerPreparer() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> events) {
                if (!events.isEmpty() && CurrentUnitOfWork.isStarted()) {
                    Answer answer = CurrentUnitOfWork.get().root().getResource(ANSWER);
                    if (answer != null) {
                        store.prepare(answer.recordId(), answer.response(), events.get(events.size() - 1)
                                                                                   .getIdentifier());
                    }
                }
                return (index, event) -> event;
            }
        };
    }
}
