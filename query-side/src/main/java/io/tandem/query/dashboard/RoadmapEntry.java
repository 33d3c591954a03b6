package io.tandem.query.dashboard;

import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;
import java.util.List;

/** A roadmap item; a dropped one stays known (backlog items may still point to it) but is no longer live. */
record RoadmapEntry(String id, String title, String description, Horizon horizon, RoadmapItemStatus status,
                    List<String> objectiveIds, boolean dropped) {

    RoadmapEntry rescheduled(Horizon to) {
        return new RoadmapEntry(id, title, description, to, status, objectiveIds, dropped);
    }

    RoadmapEntry withStatus(RoadmapItemStatus to) {
        return new RoadmapEntry(id, title, description, horizon, to, objectiveIds, dropped);
    }

    RoadmapEntry drop() {
        return new RoadmapEntry(id, title, description, horizon, status, objectiveIds, true);
    }

    /** Live (not dropped) and on the given horizon. */
    boolean liveOn(Horizon h) {
        return !dropped && horizon == h;
    }
}
