package io.tandem.query.dashboard;

/** A completed or removed backlog item, kept so that feedback linked to it still counts as demand. */
record ClosedBacklogEntry(String id, String title, String roadmapItemId) {
}
