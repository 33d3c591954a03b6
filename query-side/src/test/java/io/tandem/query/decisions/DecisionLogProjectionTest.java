package io.tandem.query.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import io.tandem.query.updates.DecisionLogged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionLogProjectionTest {

    private static final String P = "p1";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final TestEvents events = new TestEvents(START);
    private final RecordingPublisher published = new RecordingPublisher();
    private AnnotationEventHandlerAdapter projection;
    private DecisionLogQueries queries;

    @BeforeEach
    void setUp() {
        MongoDatabase database = MongoTestSupport.freshDatabase();
        projection = new AnnotationEventHandlerAdapter(new DecisionLogProjection(database, published));
        queries = new DecisionLogQueries(database);
    }

    @Test
    void logsEveryEventOnceWithItsSentenceAndPublishesIt() throws Exception {
        handle(pm(new ProductCreatedEvent(P, "Checkout", "One click")));
        handle(pm(new RoleGrantedEvent(P, "pm", Role.PRODUCT_MANAGER)));
        handle(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NEXT, List.of(), "asked")));
        handle(pm(new RoadmapItemRescheduledEvent(P, "r1", Horizon.NEXT, Horizon.NOW, "churn")));
        handle(pm(new RoadmapItemDroppedEvent(P, "r1", "no budget", List.of())));

        List<DecisionLogEntry> entries = queries.find(P, DecisionLogFilter.none(), null, 50).entries();

        assertThat(entries).extracting(DecisionLogEntry::type).containsExactly("ProductCreated", "RoleGranted",
                "RoadmapItemPlanned", "RoadmapItemRescheduled", "RoadmapItemDropped");
        assertThat(entries.get(3).sentence())
                .isEqualTo("pm (Product Manager) rescheduled \"One-click pay\" from NEXT to NOW");
        assertThat(entries.get(4)).extracting(DecisionLogEntry::before, DecisionLogEntry::rationale)
                .containsExactly("NOW", "no budget");
        assertThat(published.published(DecisionLogged.class)).extracting(DecisionLogged::entry).isEqualTo(entries);
    }

    @Test
    void aRedeliveredEventIsNeitherStoredNorPublishedAgain() throws Exception {
        handle(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NEXT, List.of(), null)));
        DomainEventMessage<?> rescheduled = pm(new RoadmapItemRescheduledEvent(P, "r1", Horizon.NEXT, Horizon.NOW,
                "churn"));
        handle(rescheduled);
        handle(pm(new RoadmapItemRescheduledEvent(P, "r1", Horizon.NOW, Horizon.LATER, "budget")));
        published.clear();

        handle(rescheduled);
        handle(pm(new RoadmapItemDroppedEvent(P, "r1", "cut", List.of())));

        assertThat(queries.find(P, DecisionLogFilter.none(), null, 50).entries()).hasSize(4);
        assertThat(published.published(DecisionLogged.class)).singleElement()
                .satisfies(logged -> assertThat(logged.entry().before()).isEqualTo("LATER"));
    }

    @Test
    void publishesNothingWhileReplaying() throws Exception {
        projection.handle(TestEvents.replayed(pm(new ProductCreatedEvent(P, "Checkout", "One click"))));

        assertThat(published.all()).isEmpty();
        assertThat(queries.find(P, DecisionLogFilter.none(), null, 10).entries()).hasSize(1);
    }

    @Test
    void filtersByActorRoleTypeItemAndTimeRange() throws Exception {
        handle(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NOW, List.of(), null)));
        events.advance(Duration.ofHours(1));
        handle(po(new BacklogItemAddedEvent(P, "b1", "Store cards", BacklogItemKind.STORY, "r1", 1)));
        handle(po(new BacklogItemAddedEvent(P, "b2", "Wallets", BacklogItemKind.STORY, null, 2)));
        events.advance(Duration.ofHours(1));
        handle(events.message("pm", Role.PRODUCT_OWNER, new BacklogItemReprioritizedEvent(P, "b2", 2, 1, "asap")));
        handle(pm(new ProductCreatedEvent("p2", "Other", "x")));

        assertThat(types(new DecisionLogFilter("po", null, null, null, null, null)))
                .containsExactly("BacklogItemAdded", "BacklogItemAdded");
        assertThat(types(new DecisionLogFilter(null, "PRODUCT_OWNER", null, null, null, null))).hasSize(3);
        assertThat(types(new DecisionLogFilter("pm", "PRODUCT_OWNER", "BacklogItemReprioritized", null, null, null)))
                .hasSize(1);
        assertThat(types(new DecisionLogFilter(null, null, null, "r1", null, null)))
                .containsExactly("RoadmapItemPlanned", "BacklogItemAdded");
        Instant oneHourOn = START.plus(Duration.ofHours(1));
        assertThat(types(new DecisionLogFilter(null, null, null, null, oneHourOn, null)))
                .containsExactly("BacklogItemAdded", "BacklogItemAdded", "BacklogItemReprioritized");
        assertThat(types(new DecisionLogFilter(null, null, null, null, null, oneHourOn)))
                .containsExactly("RoadmapItemPlanned");
    }

    @Test
    void pagesThroughTheLogWithACursor() throws Exception {
        for (int i = 1; i <= 5; i++) {
            handle(pm(new RoadmapItemPlannedEvent(P, "r" + i, "Item " + i, "", Horizon.NEXT, List.of(), null)));
        }

        DecisionLogPage first = queries.find(P, DecisionLogFilter.none(), null, 2);
        DecisionLogPage second = queries.find(P, DecisionLogFilter.none(), first.nextAfter(), 2);
        DecisionLogPage last = queries.find(P, DecisionLogFilter.none(), second.nextAfter(), 2);

        assertThat(first.entries()).extracting(DecisionLogEntry::itemId).containsExactly("r1", "r2");
        assertThat(first.nextAfter()).isEqualTo(first.entries().get(1).globalPosition());
        assertThat(second.entries()).extracting(DecisionLogEntry::itemId).containsExactly("r3", "r4");
        assertThat(last.entries()).extracting(DecisionLogEntry::itemId).containsExactly("r5");
        assertThat(last.nextAfter()).isNull();
        assertThat(queries.find(P, DecisionLogFilter.none(), null, 5).nextAfter()).isNull();
        assertThatThrownBy(() -> queries.find(P, DecisionLogFilter.none(), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemsTimelineIncludesFeedbackTriagedToItAndDecisionsNamingIt() throws Exception {
        handle(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NEXT, List.of(), null)));
        handle(po(new FeedbackReceivedEvent(P, "f1", FeedbackChannel.EMAIL, "c-1", "Too many clicks",
                Urgency.HIGH)));
        handle(po(new FeedbackTriagedEvent(P, "f1", TriageOutcome.LINKED, "r1", null, null)));
        handle(po(new BacklogItemAddedEvent(P, "b1", "Store cards", BacklogItemKind.STORY, "r1", 1)));
        handle(pm(new RoadmapItemPlannedEvent(P, "r2", "Other", "", Horizon.NEXT, List.of(), null)));
        handle(pm(new DecisionRecordedEvent(P, "d1", "Use Stripe", "ctx", "Stripe", null, List.of("r1"))));
        handle(pm(new RoadmapItemRescheduledEvent(P, "r1", Horizon.NEXT, Horizon.NOW, "demand")));

        List<DecisionLogEntry> timeline = queries.timeline(P, "r1");

        assertThat(timeline).extracting(DecisionLogEntry::type).containsExactly("RoadmapItemPlanned",
                "FeedbackTriaged", "BacklogItemAdded", "DecisionRecorded", "RoadmapItemRescheduled");
        assertThat(timeline.get(1).sentence())
                .isEqualTo("po (Product Owner) linked feedback \"Too many clicks\" to \"One-click pay\"");
        assertThat(queries.timeline(P, "f1")).extracting(DecisionLogEntry::type)
                .containsExactly("FeedbackReceived", "FeedbackTriaged");
    }

    @Test
    void resetClearsTheLogAndItsItems() throws Exception {
        handle(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NEXT, List.of(), null)));

        projection.prepareReset();
        handle(pm(new RoadmapItemRescheduledEvent(P, "r1", Horizon.NEXT, Horizon.NOW, "x")));

        assertThat(queries.find(P, DecisionLogFilter.none(), null, 10).entries()).singleElement()
                .satisfies(e -> assertThat(e.sentence()).contains("item r1"));
    }

    private List<String> types(DecisionLogFilter filter) {
        return queries.find(P, filter, null, 100).entries().stream().map(DecisionLogEntry::type).toList();
    }

    private DomainEventMessage<?> pm(Object payload) {
        return events.message("pm", Role.PRODUCT_MANAGER, payload);
    }

    private DomainEventMessage<?> po(Object payload) {
        return events.message("po", Role.PRODUCT_OWNER, payload);
    }

    private void handle(DomainEventMessage<?> message) throws Exception {
        projection.handle(TestEvents.tracked(message));
    }
}
