package io.tandem.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A batch's buffered writes reach the read model before the processor stores the batch's token, which Axon's pooled
 * processor registers as the first prepare-commit handler: a crash between the two must never leave a token that
 * covers writes that were not made.
 */
class PerBatchTest {

    private final List<String> written = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    /** A buffer that writes what the batch's events added to it. */
    private final class Buffer implements Runnable {
        private final List<String> items = new ArrayList<>();

        @Override
        public void run() {
            written.addAll(items);
            log.add("write " + items);
        }
    }

    @Test
    void writesTheBatchBeforeTheProcessorStoresItsToken() throws Exception {
        List<EventMessage<?>> events = List.of(event("a"), event("b"), event("c"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.onPrepareCommit(unit -> log.add("store token (written " + written + ")"));

        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(PerBatch.flushAfterLastEvent()),
                message -> {
                    PerBatch.apply("test", Buffer::new, buffer -> buffer.items.add((String) message.getPayload()));
                    return null;
                }).proceed());

        assertThat(log).containsExactly("write [a, b, c]", "store token (written [a, b, c])");
    }

    @Test
    void writesOnceWhenTheUnitOfWorkCommitsWithoutTheInterceptor() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event("a"), event("b")));

        batch.executeWithResult(() -> {
            PerBatch.apply("test", Buffer::new, buffer -> buffer.items.add((String) batch.getMessage().getPayload()));
            return null;
        });

        assertThat(log).containsExactly("write [a, b]");
    }

    @Test
    void writesAtOnceOutsideAUnitOfWork() {
        PerBatch.apply("test", Buffer::new, buffer -> buffer.items.add("a"));

        assertThat(written).containsExactly("a");
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
