package io.tandem.query.dashboard;

import java.time.Instant;

/** The alignment score right after an event: when it happened and the score it left. */
public record TrendPoint(Instant at, int score) {
}
