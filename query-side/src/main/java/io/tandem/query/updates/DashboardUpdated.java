package io.tandem.query.updates;

import io.tandem.query.dashboard.DashboardView;

/** A product's dashboard changed; {@code dashboard} is the full view rendered at that moment. */
public record DashboardUpdated(String productId, DashboardView dashboard) {
}
