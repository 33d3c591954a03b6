package io.tandem.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import io.tandem.query.decisions.MongoTestSupport;
import io.tandem.query.decisions.MutableClock;
import io.tandem.query.decisions.RecordingPublisher;
import io.tandem.query.decisions.TestEvents;
import io.tandem.query.updates.AlertChanged;
import io.tandem.query.updates.DashboardUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardProjectionTest {

    private static final String P = "p1";

    private final TestEvents events = new TestEvents(Instant.parse("2026-03-02T09:00:00Z"));
    private final MutableClock clock = new MutableClock(events.now());
    private final RecordingPublisher published = new RecordingPublisher();
    private DashboardRepository repository;
    private AnnotationEventHandlerAdapter projection;
    private DashboardQueries queries;

    @BeforeEach
    void setUp() {
        repository = new DashboardRepository(MongoTestSupport.freshDatabase());
        projection = new AnnotationEventHandlerAdapter(new DashboardProjection(new KnownDashboards(repository, 500),
                new DashboardPublisher(published), clock));
        queries = new DashboardQueries(repository, clock);
    }

    @Test
    void storesEachProductsDashboardAndPublishesTheNewView() throws Exception {
        handle(pm(new ProductCreatedEvent(P, "Checkout", "One click")));
        handle(pm(new RoleGrantedEvent(P, "pm", Role.PRODUCT_MANAGER)));
        handle(pm(new ProductCreatedEvent("p2", "Search", "Find it")));

        DashboardView view = queries.current(P).orElseThrow();
        assertThat(view.name()).isEqualTo("Checkout");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.people().productManagers()).containsExactly("pm");
        assertThat(queries.current("p2").orElseThrow().name()).isEqualTo("Search");
        assertThat(queries.current("unknown")).isEmpty();
        assertThat(published.published(DashboardUpdated.class)).extracting(u -> u.dashboard().version())
                .containsExactly(1L, 2L, 1L);
        assertThat(published.published(DashboardUpdated.class).get(1).dashboard()).isEqualTo(view);
    }

    @Test
    void aRedeliveredEventChangesAndPublishesNothing() throws Exception {
        handle(pm(new ProductCreatedEvent(P, "Checkout", "One click")));
        DomainEventMessage<?> planned = pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NOW,
                List.of(), null));
        handle(planned);
        DashboardView before = queries.current(P).orElseThrow();
        published.clear();

        handle(planned);

        assertThat(queries.current(P).orElseThrow()).isEqualTo(before);
        assertThat(published.all()).isEmpty();
    }

    @Test
    void publishesAnAlertWhenItStartsAndWhenItClears() throws Exception {
        handle(pm(new ProductCreatedEvent(P, "Checkout", "One click")));
        handle(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NOW, List.of(), null)));

        assertThat(published.published(AlertChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.active()).isTrue();
            assertThat(change.alert().code()).isEqualTo(Alert.NOW_ITEM_WITHOUT_WORK);
            assertThat(change.productId()).isEqualTo(P);
        });
        published.clear();

        handle(po(new BacklogItemAddedEvent(P, "b1", "Store cards", BacklogItemKind.STORY, "r1", 1)));

        assertThat(published.published(AlertChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.active()).isFalse();
            assertThat(change.alert().itemId()).isEqualTo("r1");
        });
        assertThat(queries.current(P).orElseThrow().alerts()).isEmpty();
    }

    @Test
    void aBatchPublishesEachProductsNewestViewOnceAndEveryAlertChange() throws Exception {
        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        Instant first = events.now();
        handle(pm(new ProductCreatedEvent(P, "Checkout", "One click")));
        events.advance(Duration.ofSeconds(1));
        handle(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NOW, List.of(), null)));
        handle(po(new BacklogItemAddedEvent(P, "b1", "Store cards", BacklogItemKind.STORY, "r1", 1)));
        handle(pm(new ProductCreatedEvent("p2", "Search", "Find it")));
        assertThat(published.all()).as("nothing before the batch commits").isEmpty();

        batch.commit();

        assertThat(published.published(DashboardUpdated.class)).extracting(u -> u.productId() + "@"
                + u.dashboard().version()).containsExactly(P + "@3", "p2@1");
        assertThat(published.published(DashboardUpdated.class).get(0).dashboard())
                .isEqualTo(queries.current(P).orElseThrow());
        assertThat(published.published(DashboardUpdated.class).get(0).since())
                .as("the push latency starts at the batch's first event of the product").isEqualTo(first);
        assertThat(published.published(AlertChanged.class)).extracting(AlertChanged::active)
                .containsExactly(true, false);
    }

    @Test
    void publishesNothingWhileReplayingButStillBuildsTheDashboard() throws Exception {
        projection.handle(TestEvents.replayed(pm(new ProductCreatedEvent(P, "Checkout", "One click"))));
        projection.handle(TestEvents.replayed(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "",
                Horizon.NOW, List.of(), null))));

        assertThat(published.all()).isEmpty();
        assertThat(queries.current(P).orElseThrow().roadmap().now()).hasSize(1);
    }

    @Test
    void resetClearsEveryDashboard() throws Exception {
        handle(pm(new ProductCreatedEvent(P, "Checkout", "One click")));

        projection.prepareReset();

        assertThat(queries.current(P)).isEmpty();
    }

    @Test
    void keepsTheWholeStateAcrossSaveAndLoad() throws Exception {
        handle(pm(new ProductCreatedEvent(P, "Checkout", "One click")));
        handle(pm(new RoleGrantedEvent(P, "pm.one@example", Role.PRODUCT_MANAGER)));
        handle(pm(new RoadmapItemPlannedEvent(P, "r.1", "One-click pay", "d", Horizon.NOW, List.of("o1"), "why")));
        handle(po(new BacklogItemAddedEvent(P, "b1", "Store cards", BacklogItemKind.BUG, "r.1", 1)));
        handle(po(new FeedbackReceivedEvent(P, "f1", FeedbackChannel.IN_APP, "c1", "Please add Apple Pay",
                Urgency.CRITICAL)));
        events.advance(Duration.ofHours(3));
        handle(po(new FeedbackTriagedEvent(P, "f1", TriageOutcome.LINKED, "b1", null, null)));
        handle(pm(new SyncMeetingHeldEvent(P, "m1", "Weekly", List.of("pm", "po"), "notes")));

        DashboardState stored = repository.load(P).orElseThrow();

        DashboardView published = this.published.published(DashboardUpdated.class).get(6).dashboard();
        assertThat(DashboardViews.render(stored, clock.instant())).isEqualTo(published);
        assertThat(published.metrics().triageLatency().value()).isEqualTo(3.0);
        assertThat(published.roadmap().now().get(0).feedbackDemand()).isEqualTo(1);
    }

    private DomainEventMessage<?> pm(Object payload) {
        return events.message("pm", Role.PRODUCT_MANAGER, payload);
    }

    private DomainEventMessage<?> po(Object payload) {
        return events.message("po", Role.PRODUCT_OWNER, payload);
    }

    private void handle(DomainEventMessage<?> message) throws Exception {
        EventMessage<?> tracked = TestEvents.tracked(message);
        projection.handle(tracked);
    }
}
