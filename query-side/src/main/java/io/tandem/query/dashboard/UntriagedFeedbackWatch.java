package io.tandem.query.dashboard;

import io.tandem.query.ProcessingGroups;
import io.tandem.query.readmodel.ReadModels;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the one alert that begins with the passing of time rather than with an event: feedback untriaged for more
 * than 7 days. Every minute it finds the products whose oldest untriaged feedback turned 7 days old since the
 * previous check (received in {@code [previous - 7 days, now - 7 days)}) and publishes their dashboard and the alert.
 * Clearing needs an event (a triage), which the projection reports. Each query-side node checks on its own, so with
 * several nodes the start may be announced once per node; alerts are identified by code and item, so a client sees
 * the same alert.
 */
@Component
class UntriagedFeedbackWatch {

    private final DashboardRepository repository;
    private final DashboardPublisher publisher;
    private final Clock clock;
    private Instant previousCheck;

    @Autowired
    UntriagedFeedbackWatch(ReadModels readModels, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock) {
        this(new DashboardRepository(readModels.writing(ProcessingGroups.DASHBOARD)),
                new DashboardPublisher(publisher), clock.getIfAvailable(Clock::systemUTC));
    }

    UntriagedFeedbackWatch(DashboardRepository repository, DashboardPublisher publisher, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
        this.previousCheck = clock.instant();
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void check() {
        Instant now = clock.instant();
        for (String productId : repository.withOldestUntriagedReceivedIn(previousCheck.minus(AlignmentFigures.STALE),
                now.minus(AlignmentFigures.STALE))) {
            repository.load(productId).map(state -> DashboardViews.render(state, now)).ifPresent(view ->
                    view.alerts().stream()
                        .filter(alert -> Alert.FEEDBACK_UNTRIAGED_OVER_7_DAYS.equals(alert.code()))
                        .findFirst()
                        .ifPresent(alert -> publisher.alertStarted(view, alert)));
        }
        previousCheck = now;
    }
}
