package io.tandem.query.decisions;

/**
 * What a decision sentence needs to know about the items an event names by id. The decision log keeps its own small
 * item collection; the dashboard answers from its state.
 */
public interface ItemLookup {

    /** The title of an objective, roadmap or backlog item, or a summary of a feedback text; null when unknown. */
    String title(String itemId);

    /**
     * The item's current state as a decision's "before": a live roadmap item's horizon, a feedback item's last triage
     * outcome ({@code UNTRIAGED} before the first); null when unknown.
     */
    String state(String itemId);

    /** A lookup that knows nothing. */
    ItemLookup NONE = new ItemLookup() {
        @Override
        public String title(String itemId) {
            return null;
        }

        @Override
        public String state(String itemId) {
            return null;
        }
    };
}
