package io.tandem.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.Role;
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
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UntriagedFeedbackWatchTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final TestEvents events = new TestEvents(START);
    private final MutableClock clock = new MutableClock(events.now());
    private final RecordingPublisher published = new RecordingPublisher();
    private DashboardRepository repository;
    private DashboardProjection projection;
    private UntriagedFeedbackWatch watch;

    @BeforeEach
    void setUp() {
        repository = new DashboardRepository(MongoTestSupport.freshDatabase());
        DashboardPublisher publisher = new DashboardPublisher(published);
        projection = new DashboardProjection(new KnownDashboards(repository, 500), publisher, clock);
        watch = new UntriagedFeedbackWatch(repository, publisher, clock);
    }

    @Test
    void announcesTheAlertOnceWhenFeedbackTurnsSevenDaysOld() {
        apply(new ProductCreatedEvent("p1", "Checkout", "One click"));
        apply(new FeedbackReceivedEvent("p1", "f1", FeedbackChannel.EMAIL, null, "Slow", Urgency.LOW));
        published.clear();

        at(Duration.ofDays(7).minusMinutes(1));
        assertThat(published.all()).isEmpty();

        at(Duration.ofDays(7).plusSeconds(30));
        assertThat(published.published(AlertChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.active()).isTrue();
            assertThat(change.alert().code()).isEqualTo(Alert.FEEDBACK_UNTRIAGED_OVER_7_DAYS);
        });
        assertThat(published.published(DashboardUpdated.class)).singleElement()
                .satisfies(update -> assertThat(update.dashboard().alerts()).hasSize(1));

        published.clear();
        at(Duration.ofDays(7).plusMinutes(2));
        assertThat(published.all()).isEmpty();
    }

    @Test
    void theTriageThatClearsTheAlertIsAnnouncedByTheProjection() {
        apply(new ProductCreatedEvent("p1", "Checkout", "One click"));
        apply(new FeedbackReceivedEvent("p1", "f1", FeedbackChannel.EMAIL, null, "Slow", Urgency.LOW));
        at(Duration.ofDays(8));
        published.clear();

        apply(new FeedbackTriagedEvent("p1", "f1", TriageOutcome.DECLINED, null, null, "won't fix"));

        assertThat(published.published(AlertChanged.class)).singleElement()
                .satisfies(change -> assertThat(change.active()).isFalse());
    }

    private void apply(Object payload) {
        projection.on(payload, TestEvents.tracked(events.message("po", Role.PRODUCT_OWNER, payload)),
                ReplayStatus.REGULAR);
    }

    /** Moves the clock to {@code offset} after the start and runs the minute check there. */
    private void at(Duration offset) {
        clock.set(START.plus(offset));
        watch.check();
    }
}
