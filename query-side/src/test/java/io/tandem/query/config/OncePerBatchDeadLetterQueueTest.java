package io.tandem.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OncePerBatchDeadLetterQueueTest {

    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> stored =
            spy(InMemorySequencedDeadLetterQueue.<EventMessage<?>>defaultQueue());
    private final OncePerBatchDeadLetterQueue<EventMessage<?>> queue = new OncePerBatchDeadLetterQueue<>(stored);
    private final List<UnitOfWork<?>> started = new ArrayList<>();

    @AfterEach
    void endUnitsOfWork() {
        started.forEach(UnitOfWork::rollback);
    }

    @Test
    void anEmptyQueueIsAskedOncePerBatchNotForEveryEvent() {
        batch();
        for (int product = 0; product < 50; product++) {
            assertThat(queue.contains("p" + product)).isFalse();
        }

        verify(stored, times(1)).size();
        verify(stored, times(0)).contains("p7");
    }

    @Test
    void anEventBehindOneThisBatchParkedIsParkedToo() {
        batch();
        assertThat(queue.contains("p1")).isFalse();

        queue.enqueue("p1", letter("poison"));

        assertThat(queue.enqueueIfPresent("p1", () -> letter("after the poison"))).isTrue();
        assertThat(queue.enqueueIfPresent("p2", () -> letter("another product"))).isFalse();
        assertThat(stored.sequenceSize("p1")).isEqualTo(2);
        assertThat(stored.contains("p2")).isFalse();
    }

    @Test
    void aSequenceParkedBeforeTheBatchIsSeenByItsFirstLook() {
        stored.enqueue("p1", letter("parked by another node"));

        batch();

        assertThat(queue.contains("p1")).isTrue();
        assertThat(queue.contains("p2")).isFalse();
    }

    @Test
    void eachBatchLooksAgain() {
        batch();
        assertThat(queue.contains("p1")).isFalse();
        started.remove(0).commit();
        stored.enqueue("p1", letter("parked between batches"));

        batch();

        assertThat(queue.contains("p1")).isTrue();
    }

    @Test
    void outsideAUnitOfWorkEveryQuestionGoesToTheQueue() {
        stored.enqueue("p1", letter("parked"));

        assertThat(queue.contains("p1")).isTrue();
        assertThat(queue.contains("p2")).isFalse();
        verify(stored, times(0)).size();
    }

    private void batch() {
        started.add(DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")));
    }

    private static GenericDeadLetter<EventMessage<?>> letter(String payload) {
        return new GenericDeadLetter<>("sequence", GenericEventMessage.asEventMessage(payload));
    }
}
