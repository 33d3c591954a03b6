package io.tandem.query.dashboard;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
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
    DashboardQueries(MongoDatabase database, ObjectProvider<Clock> clock) {
        this(new DashboardRepository(database), clock.getIfAvailable(Clock::systemUTC));
    }

    DashboardQueries(DashboardRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The product's dashboard rendered now; empty when no event of the product has been projected (yet). */
    public Optional<DashboardView> current(String productId) {
        return repository.load(productId).map(state -> DashboardViews.render(state, clock.instant()));
    }
}
