package io.tandem.command.productplan;

import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.Texts;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;

/** The roadmap items of a product. An item is live until it is dropped; dropped items stay known. */
class Roadmap {

    private final Map<String, RoadmapItem> items = new HashMap<>();

    boolean contains(String roadmapItemId) {
        return items.containsKey(roadmapItemId);
    }

    boolean isLive(String roadmapItemId) {
        RoadmapItem item = items.get(roadmapItemId);
        return item != null && item.isLive();
    }

    /** Plans an item serving active objectives; the caller has checked that its id is new. */
    RoadmapItemPlannedEvent plan(String productId, PlanRoadmapItemCommand c, Objectives objectives) {
        String title = Texts.requireTitle("title", c.title());
        String description = Texts.optionalText("description", c.description());
        Horizon horizon = Texts.requirePresent("horizon", c.horizon());
        List<String> objectiveIds = Texts.requireIds("objectiveIds", c.objectiveIds());
        String rationale = Texts.optionalText("rationale", c.rationale());
        objectiveIds.forEach(objectives::requireActive);
        return new RoadmapItemPlannedEvent(productId, c.roadmapItemId(), title, description, horizon, objectiveIds,
                rationale);
    }

    /** Moves a live item to a different horizon, with a rationale. */
    RoadmapItemRescheduledEvent reschedule(String productId, RescheduleRoadmapItemCommand c) {
        String itemId = Texts.requireId("roadmapItemId", c.roadmapItemId());
        Horizon to = Texts.requirePresent("to", c.to());
        String rationale = Texts.requireRationale(c.rationale());
        Horizon from = requireLive(itemId).horizon();
        if (from == to) {
            throw new RuleViolationException("roadmap item " + itemId + " is already on horizon " + to);
        }
        return new RoadmapItemRescheduledEvent(productId, itemId, from, to, rationale);
    }

    /** Changes the status of a live item to a different one. */
    RoadmapItemStatusChangedEvent changeStatus(String productId, ChangeRoadmapItemStatusCommand c) {
        String itemId = Texts.requireId("roadmapItemId", c.roadmapItemId());
        RoadmapItemStatus to = Texts.requirePresent("status", c.status());
        RoadmapItemStatus from = requireLive(itemId).status();
        if (from == to) {
            throw new RuleViolationException("roadmap item " + itemId + " already has status " + to);
        }
        return new RoadmapItemStatusChangedEvent(productId, itemId, from, to);
    }

    /** Drops a live item, with a rationale, reporting the open backlog items linked to it. */
    RoadmapItemDroppedEvent drop(String productId, DropRoadmapItemCommand c, Backlog backlog) {
        String itemId = Texts.requireId("roadmapItemId", c.roadmapItemId());
        String rationale = Texts.requireRationale(c.rationale());
        requireLive(itemId);
        return new RoadmapItemDroppedEvent(productId, itemId, rationale, backlog.openItemsLinkedTo(itemId));
    }

    /**
     * @throws NotFoundException      for an unknown item
     * @throws RuleViolationException for a dropped one
     */
    RoadmapItem requireLive(String roadmapItemId) {
        RoadmapItem item = items.get(roadmapItemId);
        if (item == null) {
            throw NotFoundException.of(roadmapItemId);
        }
        if (!item.isLive()) {
            throw new RuleViolationException("roadmap item " + roadmapItemId + " has been dropped");
        }
        return item;
    }

    @EventSourcingHandler
    void on(RoadmapItemPlannedEvent event) {
        items.put(event.roadmapItemId(), RoadmapItem.planned(event.horizon()));
    }

    @EventSourcingHandler
    void on(RoadmapItemRescheduledEvent event) {
        items.computeIfPresent(event.roadmapItemId(), (id, item) -> item.rescheduledTo(event.to()));
    }

    @EventSourcingHandler
    void on(RoadmapItemStatusChangedEvent event) {
        items.computeIfPresent(event.roadmapItemId(), (id, item) -> item.withStatus(event.to()));
    }

    @EventSourcingHandler
    void on(RoadmapItemDroppedEvent event) {
        items.computeIfPresent(event.roadmapItemId(), (id, item) -> item.asDropped());
    }
}
