package io.tandem.query.dashboard;

import java.time.Instant;

/**
 * An alignment alert. An alert is identified by {@code code} and {@code itemId}; it is active while its rule holds.
 *
 * @param code     the rule: {@link #LATER_WORK_IN_TOP_3}, {@link #LATER_ITEM_WITH_TOP_10_WORK},
 *                 {@link #NOW_ITEM_WITHOUT_WORK}, {@link #FEEDBACK_UNTRIAGED_OVER_7_DAYS}
 * @param severity {@link #CRITICAL} or {@link #WARNING}
 * @param message  what is wrong, in words
 * @param itemId   the backlog or roadmap item concerned; null for the product-wide feedback alert
 * @param since    when the rule started to hold
 */
public record Alert(String code, String severity, String message, String itemId, Instant since) {

    /** An open backlog item in the top 3 serves a roadmap item on LATER. Critical; item: the backlog item. */
    public static final String LATER_WORK_IN_TOP_3 = "LATER_WORK_IN_TOP_3";
    /** A live LATER roadmap item has top-10 backlog items depending on it. Critical; item: the roadmap item. */
    public static final String LATER_ITEM_WITH_TOP_10_WORK = "LATER_ITEM_WITH_TOP_10_WORK";
    /** A live NOW roadmap item, not shipped, has no open backlog item. Warning; item: the roadmap item. */
    public static final String NOW_ITEM_WITHOUT_WORK = "NOW_ITEM_WITHOUT_WORK";
    /** Feedback has been waiting for triage for more than 7 days. Warning; no item. */
    public static final String FEEDBACK_UNTRIAGED_OVER_7_DAYS = "FEEDBACK_UNTRIAGED_OVER_7_DAYS";

    public static final String CRITICAL = "CRITICAL";
    public static final String WARNING = "WARNING";

    /** The identity of the alert: its rule and item. */
    public String key() {
        return code + "/" + (itemId == null ? "" : itemId);
    }
}
