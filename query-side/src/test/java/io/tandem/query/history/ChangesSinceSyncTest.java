package io.tandem.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemRemovedEvent;
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
import io.tandem.query.web.Api;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class ChangesSinceSyncTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    Api api;
    Timeline t;
    String a = Timeline.id();
    String c = Timeline.id();
    String d = Timeline.id();
    String e = Timeline.id();
    String b2 = Timeline.id();
    String b3 = Timeline.id();
    String b4 = Timeline.id();
    String b5 = Timeline.id();
    String feedback = Timeline.id();
    String objective = Timeline.id();
    Instant syncAt;
    Instant droppedAt;
    int beforeSync;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        t = Timeline.product(eventStore, "Marketplace");
        plan(a, "Seller onboarding", Horizon.NOW);
        plan(d, "Payouts", Horizon.NEXT);
        plan(e, "Reviews", Horizon.NOW);
        t.po(new BacklogItemAddedEvent(t.productId(), Timeline.id(), "B1", BacklogItemKind.STORY, a, 1));
        t.po(new BacklogItemAddedEvent(t.productId(), b2, "B2", BacklogItemKind.STORY, a, 2));
        t.po(new BacklogItemAddedEvent(t.productId(), b3, "B3", BacklogItemKind.STORY, d, 3));
        t.po(new BacklogItemAddedEvent(t.productId(), b4, "B4", BacklogItemKind.BUG, e, 4));
        syncAt = t.pm(new SyncMeetingHeldEvent(t.productId(), "s1", "Weekly", List.of("pm", "po"), "notes"));
        beforeSync = t.count();
        plan(c, "Bundles", Horizon.LATER);
        droppedAt = t.pm(new RoadmapItemDroppedEvent(t.productId(), a, "Superseded by partner", List.of()));
        t.pm(new RoadmapItemRescheduledEvent(t.productId(), d, Horizon.NEXT, Horizon.NOW, "Customer deadline"));
        t.pm(new RoadmapItemRescheduledEvent(t.productId(), e, Horizon.NOW, Horizon.LATER, "Capacity"));
        t.pm(new RoadmapItemRescheduledEvent(t.productId(), e, Horizon.LATER, Horizon.NOW, "Capacity back"));
        t.pm(new RoadmapItemStatusChangedEvent(t.productId(), d, RoadmapItemStatus.PLANNED,
                RoadmapItemStatus.IN_PROGRESS));
        t.po(new BacklogItemReprioritizedEvent(t.productId(), b3, 3, 1, "Urgent"));
        t.po(new BacklogItemReprioritizedEvent(t.productId(), b3, 1, 2, "Less urgent"));
        t.po(new BacklogItemReprioritizedEvent(t.productId(), b2, 3, 4, "Later"));
        t.po(new BacklogItemReprioritizedEvent(t.productId(), b2, 4, 3, "Sooner again"));
        t.po(new BacklogItemAddedEvent(t.productId(), b5, "B5", BacklogItemKind.STORY, null, 5));
        t.po(new BacklogItemRemovedEvent(t.productId(), b5, "Duplicate of B2"));
        t.po(new BacklogItemCompletedEvent(t.productId(), b4));
        t.pm(new ObjectiveDefinedEvent(t.productId(), objective, "Liquidity", "GMV"));
        t.feedback(feedback, "po", Role.PRODUCT_OWNER, new FeedbackReceivedEvent(t.productId(), feedback,
                FeedbackChannel.SALES_CALL, "c-9", "Need bundles", Urgency.MEDIUM));
        t.feedback(feedback, "pm", Role.PRODUCT_MANAGER, new FeedbackTriagedEvent(t.productId(), feedback,
                TriageOutcome.LINKED, c, null, "Matches bundles"));
        t.pm(new DecisionRecordedEvent(t.productId(), Timeline.id(), "Partner onboarding", "ctx", "Use partner",
                "cost", List.of(a)));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.as("pm").get(dashboard() + "?position="
                + Long.MAX_VALUE), r -> r.status() == 200 && r.json().get("version").asInt() == t.count());
    }

    @Test
    void byDefaultListsWhatChangedSinceTheLastSyncMeetingGroupedWithWhoAndWhy() {
        JsonNode changes = changes("");

        assertThat(changes.at("/from/kind").asText()).isEqualTo("syncMeeting");
        assertThat(changes.at("/from/value").asText()).isEqualTo("s1");
        assertThat(changes.at("/to/kind").asText()).isEqualTo("now");
        assertThat(changes.get("eventCount").asInt()).isEqualTo(t.count() - beforeSync);
        assertThat(ids(changes.at("/roadmap/added"))).containsExactly(c);
        JsonNode dropped = changes.at("/roadmap/dropped/0");
        assertThat(dropped.get("itemId").asText()).isEqualTo(a);
        assertThat(dropped.get("from").asText()).isEqualTo("NOW");
        assertThat(dropped.at("/changes/0/actor").asText()).isEqualTo("pm");
        assertThat(dropped.at("/changes/0/rationale").asText()).isEqualTo("Superseded by partner");
        JsonNode moved = changes.at("/roadmap/moved");
        assertThat(ids(moved)).containsExactly(d, e);
        assertThat(moved.at("/0/from").asText() + "->" + moved.at("/0/to").asText()).isEqualTo("NEXT->NOW");
        assertThat(moved.at("/0/changedBack").asBoolean()).isFalse();
        assertThat(moved.at("/1/changedBack").asBoolean()).isTrue();
        assertThat(moved.at("/1/changes")).hasSize(2);
        assertThat(changes.at("/roadmap/statusChanged/0/to").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void backlogShowsNetReprioritizationAndItemsThatWereChangedBack() {
        JsonNode backlog = changes("").get("backlog");

        JsonNode reprioritized = backlog.get("reprioritized");
        assertThat(ids(reprioritized)).containsExactly(b3, b2);
        assertThat(reprioritized.at("/0/from").asText() + "->" + reprioritized.at("/0/to").asText())
                .isEqualTo("3->2");
        assertThat(reprioritized.at("/0/changedBack").asBoolean()).isFalse();
        assertThat(reprioritized.at("/0/changes")).extracting(c -> c.get("rationale").asText())
                .containsExactly("Urgent", "Less urgent");
        assertThat(reprioritized.at("/0/changes")).extracting(c -> c.get("actor").asText() + "/"
                + c.get("role").asText()).containsOnly("po/PRODUCT_OWNER");
        assertThat(reprioritized.at("/1/changedBack").asBoolean()).isTrue();
        assertThat(ids(backlog.get("added"))).containsExactly(b5);
        assertThat(backlog.at("/added/0/changedBack").asBoolean()).isTrue();
        assertThat(ids(backlog.get("removed"))).containsExactly(b5);
        assertThat(backlog.at("/removed/0/changes/1/rationale").asText()).isEqualTo("Duplicate of B2");
        assertThat(ids(backlog.get("completed"))).containsExactly(b4);
        assertThat(backlog.at("/completed/0/from").asText()).isEqualTo("4");
    }

    @Test
    void objectivesFeedbackAndDecisionsAreListed() {
        JsonNode changes = changes("");

        assertThat(ids(changes.at("/objectives/defined"))).containsExactly(objective);
        assertThat(ids(changes.at("/feedback/received"))).containsExactly(feedback);
        JsonNode triaged = changes.at("/feedback/triaged/0");
        assertThat(triaged.get("from").asText() + "->" + triaged.get("to").asText()).isEqualTo("UNTRIAGED->LINKED");
        assertThat(triaged.at("/changes/1/actor").asText()).isEqualTo("pm");
        assertThat(triaged.at("/changes/1/rationale").asText()).isEqualTo("Matches bundles");
        assertThat(changes.get("decisions")).hasSize(1);
        assertThat(changes.at("/decisions/0/title").asText()).isEqualTo("Partner onboarding");
    }

    @Test
    void explicitPointsMayBeMeetingsInstantsOrPositions() {
        JsonNode sinceMeeting = changes("?from=s1&to=" + Long.MAX_VALUE);
        JsonNode instants = changes("?from=" + syncAt + "&to=" + droppedAt);
        JsonNode fromStart = changes("?from=0");

        assertThat(sinceMeeting.get("eventCount").asInt()).isEqualTo(t.count() - beforeSync);
        assertThat(sinceMeeting.at("/to/kind").asText()).isEqualTo("position");
        assertThat(instants.get("eventCount").asInt()).isEqualTo(2);
        assertThat(ids(instants.at("/roadmap/added"))).containsExactly(c);
        assertThat(ids(instants.at("/roadmap/dropped"))).containsExactly(a);
        assertThat(instants.at("/roadmap/moved")).isEmpty();
        assertThat(ids(fromStart.at("/roadmap/added"))).containsExactly(a, d, e, c);
        assertThat(fromStart.at("/other").toString()).contains("SyncMeetingHeld");
    }

    @Test
    void withoutAFromTheStartIsTheLastSyncMeetingUpToTheEnd() {
        long droppedPosition = api.as("pm").get(dashboard() + "?asOf=" + droppedAt).json()
                                  .get("lastGlobalPosition").asLong();
        t.pm(new SyncMeetingHeldEvent(t.productId(), "s2", "Weekly", List.of("pm"), "notes"));
        String afterSecond = Timeline.id();
        plan(afterSecond, "After the second sync", Horizon.NEXT);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.as("pm").get(dashboard()),
                r -> r.status() == 200 && r.json().get("version").asInt() == t.count());

        JsonNode sinceLast = changes("");
        JsonNode toPosition = changes("?to=" + droppedPosition);
        JsonNode toInstant = changes("?to=" + droppedAt);

        assertThat(sinceLast.at("/from/value").asText()).isEqualTo("s2");
        assertThat(sinceLast.get("eventCount").asInt()).isEqualTo(1);
        assertThat(ids(sinceLast.at("/roadmap/added"))).containsExactly(afterSecond);
        for (JsonNode beforeSecond : List.of(toPosition, toInstant)) {
            assertThat(beforeSecond.at("/from/kind").asText()).isEqualTo("syncMeeting");
            assertThat(beforeSecond.at("/from/value").asText()).as("s2 came after the end").isEqualTo("s1");
            assertThat(beforeSecond.get("eventCount").asInt()).isEqualTo(2);
            assertThat(ids(beforeSecond.at("/roadmap/dropped"))).containsExactly(a);
        }
    }

    private void plan(String id, String title, Horizon horizon) {
        t.pm(new RoadmapItemPlannedEvent(t.productId(), id, title, "d", horizon, List.of(), "Because"));
    }

    private String dashboard() {
        return "/api/products/" + t.productId() + "/dashboard";
    }

    private JsonNode changes(String query) {
        Api.Response response = api.as("po").get("/api/products/" + t.productId() + "/changes" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.get("itemId").asText()).toList();
    }
}
