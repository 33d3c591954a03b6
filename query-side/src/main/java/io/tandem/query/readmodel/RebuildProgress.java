package io.tandem.query.readmodel;

import java.time.Instant;

/**
 * How far a read model's rebuild has come.
 *
 * @param state           REBUILDING, DONE or FAILED
 * @param processed       events replayed so far (the lowest position any segment has reached)
 * @param total           events to replay: the head of the event store when the rebuild started
 * @param eventsPerSecond replay rate over the last progress interval
 * @param etaSeconds      estimated seconds to go at that rate; null when unknown
 * @param error           why it failed, null otherwise
 */
public record RebuildProgress(String processor, State state, long processed, long total, double eventsPerSecond,
                              Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {

    /** The phases of a rebuild. */
    public enum State { REBUILDING, DONE, FAILED }

    /** The share done, 0 to 100. */
    public int percent() {
        return total <= 0 ? 100 : (int) Math.min(100, processed * 100 / total);
    }
}
