package io.tandem.query.dashboard;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.BacklogItemUnlinkedEvent;

/**
 * How backlog events change a dashboard state. The open items are kept in rank order (1-based positions as in the
 * events); completed and removed items leave the order and the items below move up.
 */
final class BacklogChanges {

    private BacklogChanges() {
    }

    static void apply(DashboardState s, Object payload) {
        if (payload instanceof BacklogItemAddedEvent e) {
            s.backlog.removeIf(b -> b.id().equals(e.backlogItemId()));
            insertAt(s, new BacklogEntry(e.backlogItemId(), e.title(), e.kind(), e.roadmapItemId()), e.position());
        } else if (payload instanceof BacklogItemReprioritizedEvent e) {
            int index = s.backlogIndexOf(e.backlogItemId());
            if (index >= 0) {
                insertAt(s, s.backlog.remove(index), e.toPosition());
            }
        } else if (payload instanceof BacklogItemLinkedEvent e) {
            link(s, e.backlogItemId(), e.roadmapItemId());
        } else if (payload instanceof BacklogItemUnlinkedEvent e) {
            link(s, e.backlogItemId(), null);
        } else if (payload instanceof BacklogItemCompletedEvent e) {
            close(s, e.backlogItemId());
        } else if (payload instanceof BacklogItemRemovedEvent e) {
            close(s, e.backlogItemId());
        }
    }

    private static void insertAt(DashboardState s, BacklogEntry item, int position) {
        s.backlog.add(Math.max(0, Math.min(position - 1, s.backlog.size())), item);
    }

    private static void link(DashboardState s, String backlogItemId, String roadmapItemId) {
        s.backlog.replaceAll(b -> b.id().equals(backlogItemId) ? b.linkedTo(roadmapItemId) : b);
    }

    private static void close(DashboardState s, String backlogItemId) {
        int index = s.backlogIndexOf(backlogItemId);
        if (index >= 0) {
            BacklogEntry item = s.backlog.remove(index);
            s.closedBacklog.add(new ClosedBacklogEntry(item.id(), item.title(), item.roadmapItemId()));
        }
    }
}
