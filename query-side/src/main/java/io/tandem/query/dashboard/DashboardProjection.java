package io.tandem.query.dashboard;

import io.tandem.query.readmodel.ReadModels;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.decisions.DecisionEvent;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's dashboard: for every event, load the product's state, reduce it with
 * {@link DashboardReducer}, save it, and — unless replaying — publish the new view and the alerts that started or
 * cleared. An event the state has already applied (a redelivery) changes and publishes nothing. Relies on the
 * processor handling one product's events one at a time (the per-product sequencing policy).
 */
@Component
@ProcessingGroup(ProcessingGroups.DASHBOARD)
class DashboardProjection {

    private final DashboardRepository repository;
    private final DashboardPublisher publisher;
    private final Clock clock;

    @Autowired
    DashboardProjection(ReadModels readModels, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock) {
        this(new DashboardRepository(readModels.writing(ProcessingGroups.DASHBOARD)), new DashboardPublisher(publisher),
                clock.getIfAvailable(Clock::systemUTC));
    }

    DashboardProjection(DashboardRepository repository, DashboardPublisher publisher, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, ReplayStatus replayStatus) {
        DecisionEvent.from(message).ifPresent(event -> apply(event, replayStatus.isReplay()));
    }

    @ResetHandler
    void reset() {
        repository.clear();
    }

    private void apply(DecisionEvent event, boolean replay) {
        DashboardState before = repository.load(event.productId())
                .orElseGet(() -> DashboardState.empty(event.productId()));
        DashboardState after = DashboardReducer.apply(before, event);
        if (after == before) {
            return;
        }
        repository.save(after);
        if (!replay) {
            publisher.changed(before, after, clock.instant());
        }
    }
}
