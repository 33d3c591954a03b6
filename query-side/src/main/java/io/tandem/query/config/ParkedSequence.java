package io.tandem.query.config;

import java.time.Instant;

/**
 * Events of one sequence (one product) parked in a processor's dead-letter queue: the first could not be handled,
 * the others wait behind it so that the product's events are still applied in order.
 *
 * @param sequenceId     the sequence: the product id (events of one product are handled in order)
 * @param count          how many events are parked in it
 * @param firstEventType the payload type of the first parked event, the one that failed
 * @param firstEventId   that event's identifier
 * @param cause          why it failed the last time it was handled (exception type: message), null if unknown
 * @param since          when the first event was parked
 * @param lastAttempt    when it was last handled or retried
 */
public record ParkedSequence(String sequenceId, long count, String firstEventType, String firstEventId, String cause,
                             Instant since, Instant lastAttempt) {
}
