package io.tandem.query.dashboard;

import io.tandem.query.ProcessingGroups;
import io.tandem.query.readmodel.ReadModels;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Reads dashboards. Membership is the caller's concern. */
@Component
public class DashboardQueries {

    private final DashboardRepository repository;
    private final Clock clock;

    @Autowired
    DashboardQueries(ReadModels readModels, ObjectProvider<Clock> clock) {
        this(new DashboardRepository(readModels.serving(ProcessingGroups.DASHBOARD)),
                clock.getIfAvailable(Clock::systemUTC));
    }

    DashboardQueries(DashboardRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The product's feedback inbox, newest first: untriaged feedback and feedback received in the last 30 days;
     * empty when no event of the product has been projected (yet).
     */
    public Optional<List<FeedbackEntry>> feedbackInbox(String productId) {
        return repository.load(productId).map(state -> state.feedback.stream()
                .sorted(Comparator.comparing(FeedbackEntry::receivedAt).reversed()
                        .thenComparing(FeedbackEntry::id))
                .toList());
    }

    /** The product's dashboard rendered now; empty when no event of the product has been projected (yet). */
    public Optional<DashboardView> current(String productId) {
        return repository.load(productId).map(state -> DashboardViews.render(state, clock.instant()));
    }
}
