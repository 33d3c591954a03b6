package io.tandem.query.decisions;

import java.time.Instant;

/**
 * One decision in the audit log: who decided what, in which role, when, about which item, what it was before and
 * after, and why.
 *
 * @param id             the event identifier (unique; the entry's key)
 * @param productId      the product
 * @param globalPosition the event's position in the global stream (the cursor of the log)
 * @param timestamp      when it was decided (milliseconds)
 * @param actor          the user who decided
 * @param role           the {@code Role} name the actor acted in
 * @param type           the event type without the {@code Event} suffix, e.g. {@code RoadmapItemRescheduled}
 * @param sentence       the decision in words, e.g. {@code pm (Product Manager) rescheduled "One-click pay" from NEXT
 *                       to NOW}
 * @param itemId         the item the decision is about (objective, roadmap or backlog item, feedback, decision
 *                       record, sync meeting, the member for role changes, the product for product changes); null
 *                       when there is none
 * @param before         the item's value before (a horizon, status, position, vision, role, triage outcome, ...)
 * @param after          the item's value after
 * @param rationale      why, as given by the decider (the context of a recorded decision); may be null
 */
public record DecisionLogEntry(String id, String productId, long globalPosition, Instant timestamp, String actor,
                               String role, String type, String sentence, String itemId, String before, String after,
                               String rationale) {
}
