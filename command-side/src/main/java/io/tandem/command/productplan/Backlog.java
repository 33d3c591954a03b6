package io.tandem.command.productplan;

import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.Texts;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.BacklogItemUnlinkedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;

/** The backlog of a product: every item ever added, and the rank order of the open ones. */
class Backlog {

    private final Map<String, BacklogItem> items = new HashMap<>();
    private final BacklogOrder order = new BacklogOrder();

    boolean contains(String backlogItemId) {
        return items.containsKey(backlogItemId);
    }

    boolean isOpen(String backlogItemId) {
        BacklogItem item = items.get(backlogItemId);
        return item != null && item.isOpen();
    }

    /** Adds an item at a valid position, optionally linked to a live roadmap item; the id is known to be new. */
    BacklogItemAddedEvent add(String productId, AddBacklogItemCommand c, Roadmap roadmap) {
        String title = Texts.requireTitle("title", c.title());
        BacklogItemKind kind = Texts.requirePresent("kind", c.kind());
        int position = order.insertionPosition(c.position());
        if (c.roadmapItemId() != null) {
            roadmap.requireLive(Texts.requireId("roadmapItemId", c.roadmapItemId()));
        }
        return new BacklogItemAddedEvent(productId, c.backlogItemId(), title, kind, c.roadmapItemId(), position);
    }

    /** Moves an open item to another valid position, with a rationale. */
    BacklogItemReprioritizedEvent reprioritize(String productId, ReprioritizeBacklogItemCommand c) {
        String itemId = Texts.requireId("backlogItemId", c.backlogItemId());
        String rationale = Texts.requireRationale(c.rationale());
        requireOpen(itemId);
        order.requireMoveTarget(c.toPosition());
        int from = order.positionOf(itemId);
        if (from == c.toPosition()) {
            throw new RuleViolationException("backlog item " + itemId + " is already at position " + from);
        }
        return new BacklogItemReprioritizedEvent(productId, itemId, from, c.toPosition(), rationale);
    }

    /** Links an open item to a live roadmap item other than the one it serves. */
    BacklogItemLinkedEvent link(String productId, LinkBacklogItemCommand c, Roadmap roadmap) {
        String itemId = Texts.requireId("backlogItemId", c.backlogItemId());
        String roadmapItemId = Texts.requireId("roadmapItemId", c.roadmapItemId());
        String previous = requireOpen(itemId).roadmapItemId();
        roadmap.requireLive(roadmapItemId);
        if (roadmapItemId.equals(previous)) {
            throw new RuleViolationException("backlog item " + itemId + " is already linked to " + roadmapItemId);
        }
        return new BacklogItemLinkedEvent(productId, itemId, roadmapItemId, previous);
    }

    /** Unlinks an open item from the roadmap item it serves. */
    BacklogItemUnlinkedEvent unlink(String productId, UnlinkBacklogItemCommand c) {
        String itemId = Texts.requireId("backlogItemId", c.backlogItemId());
        String roadmapItemId = requireOpen(itemId).roadmapItemId();
        if (roadmapItemId == null) {
            throw new RuleViolationException("backlog item " + itemId + " is not linked to a roadmap item");
        }
        return new BacklogItemUnlinkedEvent(productId, itemId, roadmapItemId);
    }

    /** Completes an open item. */
    BacklogItemCompletedEvent complete(String productId, CompleteBacklogItemCommand c) {
        String itemId = Texts.requireId("backlogItemId", c.backlogItemId());
        requireOpen(itemId);
        return new BacklogItemCompletedEvent(productId, itemId);
    }

    /** Removes an open item, with a rationale. */
    BacklogItemRemovedEvent remove(String productId, RemoveBacklogItemCommand c) {
        String itemId = Texts.requireId("backlogItemId", c.backlogItemId());
        String rationale = Texts.requireRationale(c.rationale());
        requireOpen(itemId);
        return new BacklogItemRemovedEvent(productId, itemId, rationale);
    }

    /**
     * @throws NotFoundException      for an unknown item
     * @throws RuleViolationException for a completed or removed one
     */
    private BacklogItem requireOpen(String backlogItemId) {
        BacklogItem item = items.get(backlogItemId);
        if (item == null) {
            throw NotFoundException.of(backlogItemId);
        }
        if (!item.isOpen()) {
            throw new RuleViolationException("backlog item " + backlogItemId + " is already completed or removed");
        }
        return item;
    }

    /** The open items linked to the roadmap item, in rank order. */
    List<String> openItemsLinkedTo(String roadmapItemId) {
        return order.ranked().stream()
                .filter(id -> Objects.equals(items.get(id).roadmapItemId(), roadmapItemId))
                .toList();
    }

    @EventSourcingHandler
    void on(BacklogItemAddedEvent event) {
        items.put(event.backlogItemId(), BacklogItem.added(event.roadmapItemId()));
        order.insert(event.backlogItemId(), event.position());
    }

    @EventSourcingHandler
    void on(BacklogItemReprioritizedEvent event) {
        order.move(event.backlogItemId(), event.toPosition());
    }

    @EventSourcingHandler
    void on(BacklogItemLinkedEvent event) {
        items.computeIfPresent(event.backlogItemId(), (id, item) -> item.linkedTo(event.roadmapItemId()));
    }

    @EventSourcingHandler
    void on(BacklogItemUnlinkedEvent event) {
        items.computeIfPresent(event.backlogItemId(), (id, item) -> item.linkedTo(null));
    }

    @EventSourcingHandler
    void on(BacklogItemCompletedEvent event) {
        close(event.backlogItemId());
    }

    @EventSourcingHandler
    void on(BacklogItemRemovedEvent event) {
        close(event.backlogItemId());
    }

    private void close(String backlogItemId) {
        items.computeIfPresent(backlogItemId, (id, item) -> item.closed());
        order.remove(backlogItemId);
    }
}
