package io.tandem.query.dashboard;

import io.tandem.query.updates.AlertChanged;
import io.tandem.query.updates.DashboardUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Tells the application that a dashboard changed: {@link DashboardUpdated} with the new view, then one
 * {@link AlertChanged} per alert that started or cleared. Both views are rendered at the same moment, so an alert
 * changes only because the state did.
 */
final class DashboardPublisher {

    private final ApplicationEventPublisher publisher;

    DashboardPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    void changed(DashboardState before, DashboardState after, Instant now) {
        List<Alert> was = DashboardViews.render(before, now).alerts();
        DashboardView view = DashboardViews.render(after, now);
        publisher.publishEvent(new DashboardUpdated(view.productId(), view));
        Set<String> wasKeys = keys(was);
        Set<String> isKeys = keys(view.alerts());
        view.alerts().stream().filter(a -> !wasKeys.contains(a.key()))
            .forEach(a -> publisher.publishEvent(new AlertChanged(view.productId(), a, true)));
        was.stream().filter(a -> !isKeys.contains(a.key()))
           .forEach(a -> publisher.publishEvent(new AlertChanged(view.productId(), a, false)));
    }

    /** A time-based alert started: the view at {@code now} and the alert. */
    void alertStarted(DashboardView view, Alert alert) {
        publisher.publishEvent(new DashboardUpdated(view.productId(), view));
        publisher.publishEvent(new AlertChanged(view.productId(), alert, true));
    }

    private static Set<String> keys(List<Alert> alerts) {
        return alerts.stream().map(Alert::key).collect(Collectors.toSet());
    }
}
