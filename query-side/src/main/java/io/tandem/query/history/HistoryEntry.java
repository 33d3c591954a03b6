package io.tandem.query.history;

import java.time.Instant;

/**
 * One event of a product's history as the history index knows it: its global position and its timestamp
 * (milliseconds), enough to decide which events a {@link HistoryPoint} includes without loading them.
 */
public record HistoryEntry(long position, Instant timestamp) {
}
