package io.tandem.query.audit;

import io.tandem.query.decisions.DecisionLogEntry;
import java.util.function.Consumer;

/** Entries of the decision log handed out one at a time, oldest first (a cursor, not a list). */
@FunctionalInterface
interface DecisionLogSource {

    void forEach(Consumer<DecisionLogEntry> sink);
}
