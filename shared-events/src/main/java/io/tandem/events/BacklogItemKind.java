package io.tandem.events;

/** Kind of a backlog item. */
public enum BacklogItemKind {
    STORY, BUG, CHORE, SPIKE
}
