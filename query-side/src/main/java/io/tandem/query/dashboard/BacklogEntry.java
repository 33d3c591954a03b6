package io.tandem.query.dashboard;

import io.tandem.events.BacklogItemKind;

/** An open backlog item and the roadmap item it serves (null when none). */
record BacklogEntry(String id, String title, BacklogItemKind kind, String roadmapItemId) {

    BacklogEntry linkedTo(String roadmapItem) {
        return new BacklogEntry(id, title, kind, roadmapItem);
    }
}
