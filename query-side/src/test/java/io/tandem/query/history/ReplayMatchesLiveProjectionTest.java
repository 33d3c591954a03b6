package io.tandem.query.history;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import io.tandem.query.dashboard.DashboardState;
import io.tandem.query.dashboard.DashboardView;
import io.tandem.query.dashboard.DashboardViews;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

@QuerySideTest
class ReplayMatchesLiveProjectionTest {

    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @Autowired
    DashboardHistory history;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void replayToTheLatestPositionRendersExactlyTheLiveDashboard() {
        Timeline t = Timeline.product(eventStore, "Checkout");
        String objective = Timeline.id();
        t.pm(new ObjectiveDefinedEvent(t.productId(), objective, "Grow conversion", "+5% paid"));
        String now = Timeline.id();
        String later = Timeline.id();
        t.pm(new RoadmapItemPlannedEvent(t.productId(), now, "One-click pay", "d", Horizon.NOW, List.of(objective),
                "Top ask"));
        t.pm(new RoadmapItemPlannedEvent(t.productId(), later, "Wallets", "d", Horizon.LATER, List.of(), "Later"));
        String b1 = Timeline.id();
        String b2 = Timeline.id();
        t.po(new BacklogItemAddedEvent(t.productId(), b1, "Card form", BacklogItemKind.STORY, now, 1));
        t.po(new BacklogItemAddedEvent(t.productId(), b2, "Wallet SDK", BacklogItemKind.SPIKE, later, 2));
        t.po(new BacklogItemReprioritizedEvent(t.productId(), b2, 2, 1, "SDK first"));
        t.pm(new SyncMeetingHeldEvent(t.productId(), "m1", "Weekly", List.of("pm", "po"), "notes"));
        String feedback = Timeline.id();
        t.feedback(feedback, "po", Role.PRODUCT_OWNER, new FeedbackReceivedEvent(t.productId(), feedback,
                FeedbackChannel.EMAIL, "c-1", "Pay is slow", Urgency.HIGH));
        t.feedback(feedback, "pm", Role.PRODUCT_MANAGER, new FeedbackTriagedEvent(t.productId(), feedback,
                TriageOutcome.LINKED, now, null, "Matches one-click"));
        t.pm(new RoadmapItemStatusChangedEvent(t.productId(), now, RoadmapItemStatus.PLANNED,
                RoadmapItemStatus.IN_PROGRESS));
        t.pm(new RoadmapItemRescheduledEvent(t.productId(), later, Horizon.LATER, Horizon.NEXT, "Demand"));
        t.po(new BacklogItemCompletedEvent(t.productId(), b1));
        t.pm(new DecisionRecordedEvent(t.productId(), Timeline.id(), "Use PSP X", "ctx", "We use X", "lock-in",
                List.of(now)));
        t.pm(new RoadmapItemDroppedEvent(t.productId(), later, "No demand after all", List.of(b2)));

        DashboardState live = awaitLiveState(t);
        DashboardState replayed = await().atMost(Duration.ofSeconds(15))
                .until(() -> history.stateAsOf(t.productId(), new HistoryPoint.Latest()).orElse(null),
                        s -> s != null && s.version() == t.count());

        DashboardView expected = DashboardViews.render(live, NOW);
        DashboardView actual = DashboardViews.render(replayed, NOW);
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.roadmap().dropped()).extracting("id").containsExactly(later);
    }

    @Test
    void theProjectionSnapshotsLongHistoriesAndReplaysFromSnapshotsGiveTheSameDashboard() {
        Timeline t = Timeline.product(eventStore, "Long");
        String item = Timeline.id();
        t.pm(new RoadmapItemPlannedEvent(t.productId(), item, "Search", "d", Horizon.NOW, List.of(), "Why"));
        String first = Timeline.id();
        String second = Timeline.id();
        t.po(new BacklogItemAddedEvent(t.productId(), first, "A", BacklogItemKind.STORY, item, 1));
        t.po(new BacklogItemAddedEvent(t.productId(), second, "B", BacklogItemKind.STORY, null, 2));
        while (t.count() < 2_345) {
            boolean up = t.count() % 2 == 0;
            t.po(new BacklogItemReprioritizedEvent(t.productId(), second, up ? 2 : 1, up ? 1 : 2, "hop " + t.count()));
        }
        DashboardState live = awaitLiveState(t);
        await().atMost(Duration.ofSeconds(60)).until(() -> new ProductHistoryIndex(database)
                .entries(t.productId()).size() == t.count());
        List<HistoryEntry> entries = new ProductHistoryIndex(database).entries(t.productId());
        for (int count : new int[] {1_000, 2_000}) {
            String key = t.productId() + "/" + entries.get(count - 1).position();
            await("snapshot after " + count + " events, made by the projection").atMost(Duration.ofSeconds(30))
                    .until(() -> database.getCollection(HistorySnapshots.COLLECTION).find(eq("_id", key))
                            .first() != null);
        }

        long start = System.nanoTime();
        DashboardState fromSnapshot = history.stateAsOf(t.productId(), new HistoryPoint.Latest()).orElseThrow();
        System.out.printf("replay of %d events from a snapshot: %d ms%n", t.count(),
                (System.nanoTime() - start) / 1_000_000);
        Replay withoutSnapshots = new Replay(new ProductHistoryIndex(database),
                new StoredEvents(database, eventSerializer, NoOpEventUpcaster.INSTANCE),
                new HistorySnapshots(database, "no_snapshots_" + System.nanoTime()));
        DashboardState fromScratch = withoutSnapshots.run(t.productId(), null, new HistoryPoint.Latest()).to();

        assertThat(DashboardViews.render(fromScratch, NOW)).isEqualTo(DashboardViews.render(live, NOW));
        assertThat(DashboardViews.render(fromSnapshot, NOW)).isEqualTo(DashboardViews.render(live, NOW));

        HistoryPoint middle = new HistoryPoint.Position(entries.get(1_499).position());
        DashboardState expected = new Replay(new ProductHistoryIndex(database),
                new StoredEvents(database, eventSerializer, NoOpEventUpcaster.INSTANCE),
                new HistorySnapshots(database, "no_snapshots_" + System.nanoTime())).run(t.productId(), null, middle)
                .to();
        DashboardState actual = history.stateAsOf(t.productId(), middle).orElseThrow();
        assertThat(actual.version()).isEqualTo(1_500);
        assertThat(DashboardViews.render(actual, NOW)).isEqualTo(DashboardViews.render(expected, NOW));
    }

    private DashboardState awaitLiveState(Timeline t) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            Document document = database.getCollection("dashboards").find(eq("_id", t.productId())).first();
            return document == null ? null : HistorySnapshots.toState(document.get("state", Document.class));
        }, state -> state != null && state.version() == t.count());
    }
}
