package io.tandem.query.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Write buffers that live as long as one processing batch: a processor hands a projection up to
 * {@code tandem.processing.batch-size} events in one unit of work, and a projection that keeps its changes in a buffer
 * from here writes them once per batch instead of once per event. A redelivered batch is applied again by idempotent
 * handlers. Outside a unit of work (a direct call) the buffer is flushed at once.
 * <p>
 * The buffers must be written before the processor stores the batch's token, or a crash between the two loses the
 * batch: the token says it was processed, the read model never got it. Axon's pooled processor registers its token
 * write as the first prepare-commit handler of the batch, before any event is handled, so a flush registered on
 * prepare-commit by a handler would run after it. {@link #flushAfterLastEvent()} therefore writes the buffers when the
 * batch's last event has been handled, while the unit of work is still running; the prepare-commit flush stays only for
 * units of work without that interceptor.
 */
public final class PerBatch {

    private static final String BUFFERS = PerBatch.class.getName() + ".buffers";

    private PerBatch() {
    }

    /**
     * Runs {@code change} against the batch's buffer (created by {@code factory} and registered to be flushed — run —
     * before the batch's token is stored) or, outside a unit of work, against a fresh buffer flushed right away.
     */
    @SuppressWarnings("unchecked")
    public static <B extends Runnable> void apply(String key, Supplier<B> factory, Consumer<B> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            B buffer = factory.get();
            change.accept(buffer);
            buffer.run();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Runnable> buffers = root.getOrComputeResource(BUFFERS, ignored -> {
            root.onPrepareCommit(PerBatch::flush);
            return new LinkedHashMap<String, Runnable>();
        });
        change.accept((B) buffers.computeIfAbsent(key, ignored -> factory.get()));
    }

    /**
     * The processors' handler interceptor that writes the buffers once the last event of a batch (or the one event of
     * another unit of work) has been handled: before the token of the batch is stored.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAfterLastEvent() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            UnitOfWork<?> root = unitOfWork.root();
            if (!(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flush(root);
            }
            return result;
        };
    }

    private static void flush(UnitOfWork<?> unitOfWork) {
        Map<String, Runnable> buffers = unitOfWork.root().getResource(BUFFERS);
        if (buffers != null && !buffers.isEmpty()) {
            List<Runnable> pending = new ArrayList<>(buffers.values());
            buffers.clear();
            pending.forEach(Runnable::run);
        }
    }
}
