package io.tandem.query.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The events each processor has parked in its dead-letter queue, and retrying them once the cause is fixed. A retry
 * goes through Axon's {@link SequencedDeadLetterProcessor}: for each parked sequence (product) it handles the events
 * in order with the processor's own handlers, removes each one handled, and stops at the first that fails again,
 * which stays parked with the new cause, together with every event behind it.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The processors with a dead-letter queue. */
    public List<String> processors() {
        return ProcessorConfiguration.GROUPS.stream().filter(group -> processing.deadLetterQueue(group).isPresent())
                                            .sorted().toList();
    }

    /** The processor's parked sequences, oldest first; empty for an unknown processor. */
    public Optional<List<ParkedSequence>> parked(String processor) {
        return queue(processor).map(queue -> sequences(processor, queue).stream().map(Sequence::parked).toList());
    }

    /** Retries every parked sequence of the processor; empty for an unknown processor. */
    public Optional<DeadLetterRetry> retry(String processor) {
        return queue(processor).map(queue -> {
            SequencedDeadLetterProcessor<EventMessage<?>> letters =
                    processing.sequencedDeadLetterProcessor(processor).orElseThrow();
            List<DeadLetterRetry.Sequence> retried = new ArrayList<>();
            for (Sequence sequence : sequences(processor, queue)) {
                String first = sequence.letters.get(0).message().getIdentifier();
                letters.process(letter -> letter.message().getIdentifier().equals(first));
                List<DeadLetter<? extends EventMessage<?>>> left = list(queue.deadLetterSequence(sequence.id));
                Set<String> leftIds = left.stream().map(letter -> letter.message().getIdentifier())
                                          .collect(Collectors.toSet());
                long processed = sequence.letters.stream()
                                                 .filter(letter -> !leftIds.contains(letter.message().getIdentifier()))
                                                 .count();
                retried.add(new DeadLetterRetry.Sequence(String.valueOf(sequence.id), processed, left.size(),
                                                         left.isEmpty() ? null : cause(left.get(0))));
            }
            return new DeadLetterRetry(processor, retried.stream().mapToLong(DeadLetterRetry.Sequence::processed).sum(),
                                       queue.size(), retried);
        });
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return ProcessorConfiguration.GROUPS.contains(processor) ? processing.deadLetterQueue(processor)
                : Optional.empty();
    }

    private List<Sequence> sequences(String processor, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        var policy = processing.sequencingPolicy(processor);
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> letters : queue.deadLetters()) {
            List<DeadLetter<? extends EventMessage<?>>> parked = list(letters);
            if (!parked.isEmpty()) {
                sequences.add(new Sequence(policy.getSequenceIdentifierFor(parked.get(0).message()), parked));
            }
        }
        return sequences;
    }

    private static <T> List<T> list(Iterable<T> iterable) {
        return StreamSupport.stream(iterable.spliterator(), false).toList();
    }

    private static String cause(DeadLetter<?> letter) {
        return letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null);
    }

    /** One parked sequence as read from the queue: its identifier and its letters in order. */
    private record Sequence(Object id, List<DeadLetter<? extends EventMessage<?>>> letters) {

        ParkedSequence parked() {
            DeadLetter<? extends EventMessage<?>> first = letters.get(0);
            return new ParkedSequence(String.valueOf(id), letters.size(), first.message().getPayloadType()
                    .getSimpleName(), first.message().getIdentifier(), cause(first), first.enqueuedAt(),
                                      first.lastTouched());
        }
    }
}
