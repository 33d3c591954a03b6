package io.tandem.query.decisions;

import static io.tandem.query.decisions.Description.name;
import static io.tandem.query.decisions.Description.quoted;
import static io.tandem.query.decisions.Description.titleOrId;
import static io.tandem.query.decisions.Description.titled;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.BacklogItemUnlinkedEvent;

/** Sentences for backlog decisions. Links report roadmap items by title (by id when the title is unknown). */
final class BacklogDescriptions {

    private BacklogDescriptions() {
    }

    /** The description of a backlog event, or null when the payload is not one. */
    static Description describe(Object payload, ItemLookup items) {
        if (payload instanceof BacklogItemAddedEvent e) {
            String serving = e.roadmapItemId() == null ? "" : " for " + titled(items, e.roadmapItemId());
            return Description.of(e.backlogItemId(), "added " + name(e.kind()) + " " + quoted(e.title())
                    + " at position " + e.position() + serving, null, String.valueOf(e.position()), null,
                    e.roadmapItemId());
        }
        if (payload instanceof BacklogItemReprioritizedEvent e) {
            return Description.of(e.backlogItemId(), "moved " + titled(items, e.backlogItemId()) + " from position "
                    + e.fromPosition() + " to " + e.toPosition(), String.valueOf(e.fromPosition()),
                    String.valueOf(e.toPosition()), e.rationale());
        }
        if (payload instanceof BacklogItemLinkedEvent e) {
            String instead = e.previousRoadmapItemId() == null ? ""
                    : " instead of " + titled(items, e.previousRoadmapItemId());
            return Description.of(e.backlogItemId(), "linked " + titled(items, e.backlogItemId()) + " to "
                    + titled(items, e.roadmapItemId()) + instead, titleOrId(items, e.previousRoadmapItemId()),
                    titleOrId(items, e.roadmapItemId()), null, e.roadmapItemId(), e.previousRoadmapItemId());
        }
        if (payload instanceof BacklogItemUnlinkedEvent e) {
            return Description.of(e.backlogItemId(), "unlinked " + titled(items, e.backlogItemId()) + " from "
                    + titled(items, e.roadmapItemId()), titleOrId(items, e.roadmapItemId()), null, null,
                    e.roadmapItemId());
        }
        if (payload instanceof BacklogItemCompletedEvent e) {
            return Description.of(e.backlogItemId(), "completed " + titled(items, e.backlogItemId()), "OPEN",
                    "COMPLETED", null);
        }
        if (payload instanceof BacklogItemRemovedEvent e) {
            return Description.of(e.backlogItemId(), "removed " + titled(items, e.backlogItemId()), "OPEN",
                    "REMOVED", e.rationale());
        }
        return null;
    }
}
