package io.tandem.query.history;

import java.time.Instant;
import java.util.List;

/**
 * What changed in a product between two points, grouped the way a sync meeting reviews it. Every item change carries
 * the decisions that made it (who, in which role, why), oldest first; an item whose net change is nothing although
 * decisions touched it (moved and moved back, added and removed again) is flagged {@code changedBack}.
 *
 * @param productId  the product
 * @param from       the earlier point (exclusive)
 * @param to         the later point (inclusive)
 * @param eventCount how many decisions were taken in between
 * @param roadmap    roadmap items added, dropped, moved between horizons, whose status changed
 * @param backlog    backlog items added, removed, completed, reprioritized (net)
 * @param objectives objectives defined and retired
 * @param feedback   feedback received and triaged
 * @param decisions  decisions recorded
 * @param other      every other decision in between (roles, vision, links, sync meetings)
 */
public record ProductChanges(String productId, Boundary from, Boundary to, int eventCount, Roadmap roadmap,
                             Backlog backlog, Objectives objectives, Feedback feedback, List<ItemChange> decisions,
                             List<Change> other) {

    /**
     * One end of the compared range.
     *
     * @param kind         {@code syncMeeting}, {@code instant}, {@code position}, {@code start} or {@code now}
     * @param value        the meeting id, instant or position as given; null for start and now
     * @param lastPosition the global position of the last event of the product the point includes, -1 for none
     */
    public record Boundary(String kind, String value, long lastPosition) {
    }

    /**
     * The net change of one item.
     *
     * @param itemId      the item
     * @param title       its title (a summary for feedback)
     * @param from        its value at the earlier point (a horizon, status, rank, ...), null when not applicable
     * @param to          its value at the later point
     * @param changedBack whether decisions touched it but its net change is nothing
     * @param changes     every decision about it in between, oldest first
     */
    public record ItemChange(String itemId, String title, String from, String to, boolean changedBack,
                             List<Change> changes) {
    }

    /** One decision: as in the decision log, with who took it, in which role, and why. */
    public record Change(long globalPosition, Instant timestamp, String actor, String role, String type,
                         String sentence, String before, String after, String rationale) {
    }

    public record Roadmap(List<ItemChange> added, List<ItemChange> dropped, List<ItemChange> moved,
                          List<ItemChange> statusChanged) {
    }

    public record Backlog(List<ItemChange> added, List<ItemChange> removed, List<ItemChange> completed,
                          List<ItemChange> reprioritized) {
    }

    public record Objectives(List<ItemChange> defined, List<ItemChange> retired) {
    }

    public record Feedback(List<ItemChange> received, List<ItemChange> triaged) {
    }
}
