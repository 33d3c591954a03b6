package io.tandem.query.dashboard;

import io.tandem.events.BacklogItemKind;
import io.tandem.events.Horizon;

/**
 * An open backlog item at its rank (1 = top).
 *
 * @param roadmapItemId      the roadmap item it serves, null when none
 * @param roadmapItemTitle   that item's title
 * @param roadmapHorizon     that item's horizon
 * @param roadmapItemDropped whether that item was dropped
 */
public record BacklogItemView(int rank, String id, String title, BacklogItemKind kind, String roadmapItemId,
                              String roadmapItemTitle, Horizon roadmapHorizon, boolean roadmapItemDropped) {
}
