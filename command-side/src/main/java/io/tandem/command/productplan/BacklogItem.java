package io.tandem.command.productplan;

/**
 * State of one backlog item as far as the rules need it: the roadmap item it serves (or null) and whether it is still
 * open. A value, replaced on every change.
 */
record BacklogItem(String roadmapItemId, boolean open) {

    static BacklogItem added(String roadmapItemId) {
        return new BacklogItem(roadmapItemId, true);
    }

    boolean isOpen() {
        return open;
    }

    BacklogItem linkedTo(String roadmapItemId) {
        return new BacklogItem(roadmapItemId, open);
    }

    BacklogItem closed() {
        return new BacklogItem(roadmapItemId, false);
    }
}
