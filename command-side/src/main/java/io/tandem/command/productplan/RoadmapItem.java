package io.tandem.command.productplan;

import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;

/** State of one roadmap item as far as the rules need it; a value, replaced on every change. */
record RoadmapItem(Horizon horizon, RoadmapItemStatus status, boolean dropped) {

    static RoadmapItem planned(Horizon horizon) {
        return new RoadmapItem(horizon, RoadmapItemStatus.PLANNED, false);
    }

    boolean isLive() {
        return !dropped;
    }

    RoadmapItem rescheduledTo(Horizon horizon) {
        return new RoadmapItem(horizon, status, dropped);
    }

    RoadmapItem withStatus(RoadmapItemStatus status) {
        return new RoadmapItem(horizon, status, dropped);
    }

    RoadmapItem asDropped() {
        return new RoadmapItem(horizon, status, true);
    }
}
