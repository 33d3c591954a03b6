package io.tandem.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.Horizon;
import io.tandem.query.decisions.MongoTestSupport;
import io.tandem.query.decisions.MutableClock;
import io.tandem.query.decisions.RecordingPublisher;
import io.tandem.query.decisions.TestEvents;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard states the projection keeps between batches: used only while the stored document is still theirs, so
 * a product handled in turn by two nodes, a reset elsewhere or a document saved before positions were stored never
 * makes the projection build on an old state.
 */
class KnownDashboardsTest {

    private static final String P = "p1";

    private final TestEvents events = new TestEvents(Instant.parse("2026-03-02T09:00:00Z"));
    private final MutableClock clock = new MutableClock(events.now());
    private MongoDatabase database;
    private DashboardRepository repository;
    private DashboardQueries queries;

    @BeforeEach
    void setUp() {
        database = MongoTestSupport.freshDatabase();
        repository = new DashboardRepository(database);
        queries = new DashboardQueries(repository, clock);
    }

    @Test
    void answersFromMemoryWhileTheStoredVersionAndPositionAreUnchanged() {
        KnownDashboards known = new KnownDashboards(repository, 10);
        DashboardState created = created(P);
        known.save(created);
        // The state inside the stored document changes behind the version's back: only a state served from
        // memory can still say "Checkout".
        database.getCollection(DashboardRepository.COLLECTION)
                .updateOne(Filters.eq("_id", P), Updates.set("state.name", "Changed behind its back"));

        assertThat(known.load(P)).isSameAs(created);
        assertThat(new KnownDashboards(repository, 10).load(P).name).isEqualTo("Changed behind its back");
    }

    @Test
    void aProductHandledInTurnByTwoNodesKeepsEveryEvent() throws Exception {
        AnnotationEventHandlerAdapter nodeA = projection();
        AnnotationEventHandlerAdapter nodeB = projection();

        nodeA.handle(TestEvents.tracked(pm(new ProductCreatedEvent(P, "Checkout", "One click"))));
        nodeA.handle(TestEvents.tracked(pm(new RoleGrantedEvent(P, "pm", Role.PRODUCT_MANAGER))));
        // the segment moves to node B, which applies one event, and back to node A, which remembers version 2
        nodeB.handle(TestEvents.tracked(pm(new RoleGrantedEvent(P, "po", Role.PRODUCT_OWNER))));
        nodeA.handle(TestEvents.tracked(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NOW,
                List.of(), null))));

        DashboardView view = queries.current(P).orElseThrow();
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.people().productOwners()).containsExactly("po");
        assertThat(view.roadmap().now()).hasSize(1);
    }

    @Test
    void aResetElsewhereIsNotUndoneByARememberedState() throws Exception {
        KnownDashboards remembering = new KnownDashboards(repository, 10);
        remembering.save(created(P));

        new KnownDashboards(repository, 10).clear();

        assertThat(remembering.load(P).version()).isZero();
        assertThat(remembering.size()).isZero();
    }

    @Test
    void aDocumentStoredWithoutItsPositionIsReadInFull() {
        KnownDashboards known = new KnownDashboards(repository, 10);
        known.save(created(P));
        database.getCollection(DashboardRepository.COLLECTION)
                .updateOne(Filters.eq("_id", P), Updates.combine(Updates.unset("position"),
                        Updates.set("state.name", "Stored before positions")));

        assertThat(known.load(P).name).isEqualTo("Stored before positions");
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedStates() {
        KnownDashboards known = new KnownDashboards(repository, 2);
        for (String product : List.of("a", "b", "c")) {
            known.save(created(product));
        }
        DashboardState a = known.load("a");
        DashboardState c = known.load("c");

        assertThat(known.size()).isEqualTo(2);
        assertThat(known.load("a")).isSameAs(a);
        assertThat(known.load("c")).isSameAs(c);
        assertThat(known.load("missing").version()).isZero();
        assertThatThrownBy(() -> new KnownDashboards(repository, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withNoCapacityEveryLoadReadsTheStore() {
        KnownDashboards none = new KnownDashboards(repository, 0);
        DashboardState created = created(P);
        none.save(created);

        assertThat(none.size()).isZero();
        assertThat(none.load(P)).isNotSameAs(created);
        assertThat(none.load(P).name).isEqualTo("Checkout");
    }

    /** The dashboard of a product named "Checkout" after its creation. */
    private DashboardState created(String productId) {
        return DashboardReducer.apply(DashboardState.empty(productId),
                events.pm(new ProductCreatedEvent(productId, "Checkout", "One click")));
    }

    private AnnotationEventHandlerAdapter projection() {
        return new AnnotationEventHandlerAdapter(new DashboardProjection(new KnownDashboards(repository, 10),
                new DashboardPublisher(new RecordingPublisher()), clock));
    }

    private DomainEventMessage<?> pm(Object payload) {
        return events.message("pm", Role.PRODUCT_MANAGER, payload);
    }
}
