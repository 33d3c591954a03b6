package io.tandem.query.dashboard;

import io.tandem.query.updates.AlertChanged;
import io.tandem.query.updates.DashboardUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Tells the application that a dashboard changed: {@link DashboardUpdated} with the new view (rendered when asked
 * for), then one {@link AlertChanged} per alert that started or cleared. The alerts before and after are taken at the
 * same moment, so an alert changes only because the state did.
 */
final class DashboardPublisher {

    private final ApplicationEventPublisher publisher;

    DashboardPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Announces one change of a product's dashboard: its view only when {@code newest}, so a processing batch that
     * changed a product several times announces its alerts after each change and its view once, after the last (the
     * live push sends only the newest view of a product anyway), carrying the batch's events of that product since
     * {@code since}, the first one's time. The view is rendered, at {@code now}, only when asked for.
     */
    void changed(DashboardState before, DashboardState after, Instant now, boolean newest, Instant since) {
        if (newest) {
            publisher.publishEvent(DashboardUpdated.rendering(after.productId(), after.version(), since,
                    () -> DashboardViews.render(after, now)));
        }
        List<Alert> was = DashboardViews.alerts(before, now);
        List<Alert> is = DashboardViews.alerts(after, now);
        String productId = after.productId();
        Set<String> wasKeys = keys(was);
        Set<String> isKeys = keys(is);
        is.stream().filter(a -> !wasKeys.contains(a.key()))
          .forEach(a -> publisher.publishEvent(new AlertChanged(productId, a, true)));
        was.stream().filter(a -> !isKeys.contains(a.key()))
           .forEach(a -> publisher.publishEvent(new AlertChanged(productId, a, false)));
    }

    /** A time-based alert started: the view at {@code now} and the alert. */
    void alertStarted(DashboardView view, Alert alert) {
        publisher.publishEvent(DashboardUpdated.of(view));
        publisher.publishEvent(new AlertChanged(view.productId(), alert, true));
    }

    private static Set<String> keys(List<Alert> alerts) {
        return alerts.stream().map(Alert::key).collect(Collectors.toSet());
    }
}
