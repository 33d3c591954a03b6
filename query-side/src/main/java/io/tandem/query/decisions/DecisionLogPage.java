package io.tandem.query.decisions;

import java.util.List;

/**
 * One page of the decision log, oldest first.
 *
 * @param entries   the decisions, by global position ascending
 * @param nextAfter the cursor for the next page (pass it as {@code after}); null when there are no more entries
 */
public record DecisionLogPage(List<DecisionLogEntry> entries, Long nextAfter) {

    public DecisionLogPage {
        entries = List.copyOf(entries);
    }
}
