package io.tandem.query.live;

/**
 * What the alerts topic carries: an alert of a product that {@code STARTED} or {@code CLEARED}.
 *
 * @param productId the product
 * @param state     {@code STARTED} or {@code CLEARED}
 * @param alert     the alert as the dashboard shows it
 */
record AlertNotice(String productId, String state, Object alert) {

    static AlertNotice of(String productId, Object alert, boolean active) {
        return new AlertNotice(productId, active ? "STARTED" : "CLEARED", alert);
    }
}
