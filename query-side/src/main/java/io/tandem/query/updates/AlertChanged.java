package io.tandem.query.updates;

import io.tandem.query.dashboard.Alert;

/** An alert of a product started ({@code active} true) or cleared (false, carrying the alert as it was). */
public record AlertChanged(String productId, Alert alert, boolean active) {
}
