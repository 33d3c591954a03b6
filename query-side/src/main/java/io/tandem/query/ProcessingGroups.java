package io.tandem.query;

/** Names of the query side's event processors (one per read model family); each has its own token. */
public final class ProcessingGroups {

    /** The per-product dashboard, its alignment metrics and alerts. */
    public static final String DASHBOARD = "dashboard";
    /** The decision log (audit) and item timelines. */
    public static final String DECISION_LOG = "decision-log";
    /** Product membership, used to authorize reads and subscriptions. */
    public static final String MEMBERSHIP = "membership";

    /** The index of each product's history, which as-of and change queries replay. */
    public static final String PRODUCT_HISTORY = "product-history";

    private ProcessingGroups() {
    }
}
