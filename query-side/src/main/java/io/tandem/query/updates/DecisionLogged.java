package io.tandem.query.updates;

import io.tandem.query.decisions.DecisionLogEntry;

/** A new decision log entry was stored (published once per event, never during a replay). */
public record DecisionLogged(String productId, DecisionLogEntry entry) {
}
