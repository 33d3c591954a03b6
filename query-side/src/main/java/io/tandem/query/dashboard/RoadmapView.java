package io.tandem.query.dashboard;

import java.util.List;

/** The roadmap in columns: the live items per horizon, in planning order, and the dropped items apart. */
public record RoadmapView(List<RoadmapItemView> now, List<RoadmapItemView> next, List<RoadmapItemView> later,
                          List<RoadmapItemView> dropped) {
}
