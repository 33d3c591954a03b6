/**
 * Spring application events the read models publish after they changed (never during a replay), for the live push:
 * {@link io.tandem.query.updates.DashboardUpdated}, {@link io.tandem.query.updates.AlertChanged},
 * {@link io.tandem.query.updates.DecisionLogged}. They are published synchronously on the event processor's thread.
 */
package io.tandem.query.updates;
