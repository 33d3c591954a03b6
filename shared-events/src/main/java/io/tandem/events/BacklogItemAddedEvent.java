package io.tandem.events;

import org.axonframework.serialization.Revision;

/**
 * A backlog item was added at a 1-based rank {@code position} among the open items, optionally linked to a roadmap
 * item ({@code roadmapItemId} may be null).
 */
@Revision("1")
public record BacklogItemAddedEvent(
        String productId,
        String backlogItemId,
        String title,
        BacklogItemKind kind,
        String roadmapItemId,
        int position) {}
