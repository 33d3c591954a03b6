package io.tandem.query.readmodel;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Write buffers that live as long as one processing batch: a processor hands a projection up to
 * {@code tandem.processing.batch-size} events in one unit of work, and a projection that keeps its changes in a buffer
 * from here writes them once, just before the batch (and its token) commits, instead of once per event. A redelivered
 * batch is applied again by idempotent handlers. Outside a unit of work (a direct call) the buffer is flushed at once.
 */
public final class PerBatch {

    private PerBatch() {
    }

    /**
     * Runs {@code change} against the batch's buffer (created by {@code factory} and registered to be flushed — run —
     * before the batch commits) or, outside a unit of work, against a fresh buffer flushed right away.
     */
    public static <B extends Runnable> void apply(String key, Supplier<B> factory, Consumer<B> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            B buffer = factory.get();
            change.accept(buffer);
            buffer.run();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        B buffer = root.getOrComputeResource(key, ignored -> {
            B created = factory.get();
            root.onPrepareCommit(unitOfWork -> created.run());
            return created;
        });
        change.accept(buffer);
    }
}
