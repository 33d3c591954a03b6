package io.tandem.query.config;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A processor's dead-letter queue that asks the store whether it is empty once per processing batch, instead of
 * asking, for every event, whether the event's sequence is parked. Axon asks {@link #contains} before it handles each
 * event (an event whose product has parked events must be parked behind them); against MongoDB that is a count per
 * event and processor, measured at 8 % of the query side's CPU while it caught up. The queue is nearly always empty,
 * and while it is, no sequence is in it.
 * <p>
 * Within a batch only its own processor thread handles the batch's sequences, and nothing but an {@link #enqueue}
 * puts a sequence into the queue; every enqueue on this node makes the next {@code contains} look again, so an event
 * behind one that this batch has just parked is parked too. Parked sequences of another node are in the queue before
 * this node claims their segment, so the batch's first look sees them. Outside a unit of work every question goes to
 * the queue.
 */
final class OncePerBatchDeadLetterQueue<M extends Message<?>> implements SequencedDeadLetterQueue<M> {

    private final SequencedDeadLetterQueue<M> queue;
    private final String resource = OncePerBatchDeadLetterQueue.class.getName() + "@" + System.identityHashCode(this);
    /** Counts this node's enqueues, so that a batch knows its look at the queue is out of date. */
    private final AtomicLong enqueues = new AtomicLong();

    OncePerBatchDeadLetterQueue(SequencedDeadLetterQueue<M> queue) {
        this.queue = queue;
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return queue.contains(sequenceIdentifier);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        long enqueuesNow = enqueues.get();
        Look look = batch.getResource(resource);
        if (look == null || look.enqueues() != enqueuesNow) {
            look = new Look(enqueuesNow, queue.size() == 0);
            batch.resources().put(resource, look);
        }
        return !look.empty() && queue.contains(sequenceIdentifier);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends M> letter)
            throws DeadLetterQueueOverflowException {
        try {
            queue.enqueue(sequenceIdentifier, letter);
        } finally {
            enqueues.incrementAndGet();
        }
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends M> letter, UnaryOperator<DeadLetter<? extends M>> letterUpdater)
            throws NoSuchDeadLetterException {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends M>> sequenceFilter,
                           Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }

    /** What a batch saw when it last looked: whether the queue was empty, after how many of this node's enqueues. */
    private record Look(long enqueues, boolean empty) {
    }
}
