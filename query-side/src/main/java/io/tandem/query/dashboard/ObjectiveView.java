package io.tandem.query.dashboard;

/** An objective with the metric that tells whether it is reached; retired ones stay listed, flagged. */
public record ObjectiveView(String id, String title, String successMetric, boolean retired) {
}
