package io.tandem.query.decisions;

import java.time.Instant;

/**
 * Which decisions to list; every field is optional (null matches all) and the given ones must all match.
 *
 * @param actor  the user who decided
 * @param role   the {@code Role} name the actor acted in
 * @param type   the event type without {@code Event}, e.g. {@code BacklogItemReprioritized}
 * @param itemId an item the decision concerns: the item it is about or a related one (the roadmap item a backlog
 *               item was linked to, the item a feedback was triaged to, the items a recorded decision names)
 * @param from   earliest time, inclusive
 * @param to     latest time, exclusive
 */
public record DecisionLogFilter(String actor, String role, String type, String itemId, Instant from, Instant to) {

    /** No filter: every decision of the product. */
    public static DecisionLogFilter none() {
        return new DecisionLogFilter(null, null, null, null, null, null);
    }
}
