package io.tandem.query.decisions;

import java.util.List;

/**
 * Turns decision events into audit log entries with a readable sentence, e.g.
 * {@code pm (Product Manager) rescheduled "One-click pay" from NEXT to NOW}. The same sentences appear in the decision
 * log and in the dashboard's recent decisions; titles of items an event names by id come from an {@link ItemLookup}
 * that must reflect the state before the event.
 */
public final class DecisionDescriptions {

    private static final int SUMMARY_LENGTH = 80;

    private DecisionDescriptions() {
    }

    /** The log entry of an event; {@code items} answers titles and states as they were before it. */
    public static DecisionLogEntry describe(DecisionEvent event, ItemLookup items) {
        return entry(event, details(event.payload(), items));
    }

    static DecisionLogEntry entry(DecisionEvent event, Description d) {
        return new DecisionLogEntry(event.eventId(), event.productId(), event.globalPosition(), event.timestamp(),
                event.actor(), event.role(), event.type(),
                Roles.subject(event.actor(), event.role()) + " " + d.phrase(), d.itemId(), d.before(), d.after(),
                d.rationale());
    }

    /**
     * Every item an event concerns, the item it is about first: e.g. a triage concerns the feedback and the item it
     * was linked to, a link the backlog item and both roadmap items.
     */
    public static List<String> itemIds(Object payload) {
        return details(payload, ItemLookup.NONE).itemIds();
    }

    /** A long text shortened to at most 80 characters on one line, ending in "…" when cut. */
    public static String summary(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= SUMMARY_LENGTH ? line : line.substring(0, SUMMARY_LENGTH - 1).stripTrailing() + "…";
    }

    static Description details(Object payload, ItemLookup items) {
        Description d = PlanDescriptions.describe(payload, items);
        if (d == null) {
            d = BacklogDescriptions.describe(payload, items);
        }
        if (d == null) {
            d = RecordDescriptions.describe(payload, items);
        }
        return d != null ? d : Description.of(null, "recorded " + payload.getClass().getSimpleName(), null, null,
                null);
    }
}
