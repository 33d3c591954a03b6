package io.tandem.query.dashboard;

import io.tandem.query.ProcessingGroups;
import io.tandem.query.config.ProcessingProperties;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.readmodel.PerBatch;
import io.tandem.query.readmodel.ReadModels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Keeps each product's dashboard: for every event, reduce the product's state with {@link DashboardReducer}; once per
 * processing batch, save each changed state and — unless replaying — publish each changed product's newest view and
 * the alerts that each event started or cleared ({@link PerBatch}). An event the state has already applied (a
 * redelivery) changes and publishes nothing. Relies on the processor handling one product's events one at a time (the
 * per-product sequencing policy).
 */
@Component
@ProcessingGroup(ProcessingGroups.DASHBOARD)
class DashboardProjection {

    private final KnownDashboards dashboards;
    private final DashboardPublisher publisher;
    private final Clock clock;
    private final String batchKey = "dashboard-batch@" + System.identityHashCode(this);

    @Autowired
    DashboardProjection(ReadModels readModels, ProcessingProperties processing, ApplicationEventPublisher publisher,
                        ObjectProvider<Clock> clock) {
        this(new KnownDashboards(new DashboardRepository(readModels.writing(ProcessingGroups.DASHBOARD)),
                        processing.knownDashboards()),
                new DashboardPublisher(publisher), clock.getIfAvailable(Clock::systemUTC));
    }

    DashboardProjection(KnownDashboards dashboards, DashboardPublisher publisher, Clock clock) {
        this.dashboards = dashboards;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, ReplayStatus replayStatus) {
        DecisionEvent.from(message).ifPresent(event -> apply(event, replayStatus.isReplay()));
    }

    @ResetHandler
    void reset() {
        dashboards.clear();
    }

    private void apply(DecisionEvent event, boolean replay) {
        PerBatch.apply(batchKey, Batch::new, batch -> {
            DashboardState before = batch.state(event.productId());
            DashboardState after = DashboardReducer.apply(before, event);
            if (after != before) {
                batch.changed(before, after, replay);
            }
        });
    }

    /**
     * The dashboards one processing batch changed: each loaded once, saved once when the batch commits, and the
     * changes published after the save, in order.
     */
    private final class Batch implements Runnable {

        private final Map<String, DashboardState> states = new LinkedHashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();
        private final List<DashboardState[]> publish = new ArrayList<>();

        DashboardState state(String productId) {
            return states.computeIfAbsent(productId, dashboards::load);
        }

        void changed(DashboardState before, DashboardState after, boolean replay) {
            states.put(after.productId(), after);
            changed.add(after.productId());
            if (!replay) {
                publish.add(new DashboardState[] {before, after});
            }
        }

        @Override
        public void run() {
            changed.forEach(productId -> dashboards.save(states.get(productId)));
            Instant now = clock.instant();
            Map<String, Instant> firstPublished = new HashMap<>();
            publish.forEach(change -> firstPublished.putIfAbsent(change[1].productId(), change[1].updatedAt()));
            for (DashboardState[] change : publish) {
                DashboardState after = change[1];
                String productId = after.productId();
                publisher.changed(change[0], after, now, states.get(productId) == after,
                        firstPublished.get(productId));
            }
        }
    }
}
