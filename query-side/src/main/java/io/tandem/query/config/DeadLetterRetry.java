package io.tandem.query.config;

import java.util.List;

/**
 * What retrying a processor's dead letters did.
 *
 * @param processor   the processor
 * @param processed   events that were handled this time and left the queue
 * @param stillParked events that are still parked in the processor's queue after the retry
 * @param sequences   each sequence that was retried
 */
public record DeadLetterRetry(String processor, long processed, long stillParked, List<Sequence> sequences) {

    /**
     * One retried sequence.
     *
     * @param sequenceId  the sequence (product id)
     * @param processed   its events handled this time
     * @param stillParked its events still parked; the first of them failed again when more than zero
     * @param cause       why its first event failed again, null when the whole sequence was handled
     */
    public record Sequence(String sequenceId, long processed, long stillParked, String cause) {
    }
}
