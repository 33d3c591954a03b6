package io.tandem.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.query.web.Api;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class HistoryEndpointsTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void asOfAnInstantBetweenTwoDecisionsShowsTheEarlierDashboard() {
        Timeline t = Timeline.product(eventStore, "Travel");
        String item = Timeline.id();
        t.pm(new RoadmapItemPlannedEvent(t.productId(), item, "Offline maps", "d", Horizon.NEXT, List.of(), "Ask"));
        Instant planned = t.pm(new RoadmapItemRescheduledEvent(t.productId(), item, Horizon.NEXT, Horizon.NOW,
                "Summer")).minusSeconds(60);
        String base = "/api/products/" + t.productId() + "/dashboard";
        awaitHistory(base, t.count());

        JsonNode between = ok(base + "?asOf=" + planned.plusSeconds(30));
        JsonNode after = ok(base + "?asOf=" + planned.plusSeconds(90));

        assertThat(between.get("version").asInt()).isEqualTo(t.count() - 1);
        assertThat(Instant.parse(between.get("renderedAt").asText())).isEqualTo(planned.plusSeconds(30));
        assertThat(between.at("/roadmap/next/0/id").asText()).isEqualTo(item);
        assertThat(between.at("/roadmap/now")).isEmpty();
        assertThat(after.at("/roadmap/now/0/id").asText()).isEqualTo(item);
        assertThat(ok(base + "?asOf=2026-01-05T10:00:00%2B01:00").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void asOfAPositionShowsTheDashboardAfterThatEvent() {
        Timeline t = Timeline.product(eventStore, "Banking");
        String item = Timeline.id();
        t.pm(new RoadmapItemPlannedEvent(t.productId(), item, "Instant payments", "d", Horizon.LATER, List.of(),
                "Regulation"));
        String base = "/api/products/" + t.productId() + "/dashboard";
        long plannedAt = awaitHistory(base, t.count()).get("lastGlobalPosition").asLong();
        t.pm(new RoadmapItemRescheduledEvent(t.productId(), item, Horizon.LATER, Horizon.NOW, "Deadline moved"));
        awaitHistory(base, t.count());

        JsonNode then = ok(base + "?position=" + plannedAt);

        assertThat(then.get("lastGlobalPosition").asLong()).isEqualTo(plannedAt);
        assertThat(then.get("renderedAt").asText()).isEqualTo(then.get("updatedAt").asText());
        assertThat(then.at("/roadmap/later/0/id").asText()).isEqualTo(item);
        // the live dashboard is another processor than the history index: wait for it too
        await().atMost(Duration.ofSeconds(10))
               .until(() -> ok(base).at("/roadmap/now/0/id").asText().equals(item));
    }

    @Test
    void malformedPointsAreValidationProblems() {
        Timeline t = Timeline.product(eventStore, "Bad input");
        String base = "/api/products/" + t.productId();
        awaitHistory(base + "/dashboard", t.count());

        for (String query : List.of("/dashboard?asOf=yesterday", "/dashboard?position=-3", "/dashboard?position=x",
                "/dashboard?asOf=2026-01-05T09:00:00Z&position=1", "/changes?from=no-such-meeting")) {
            Api.Response response = api.as("pm").get(base + query);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).as(query).endsWith("validation");
            assertThat(response.json().at("/errors/0/field").asText()).as(query).isIn("asOf", "position", "from");
        }
    }

    @Test
    void nonMembersAndTimesBeforeTheProductGetNotFound() {
        Timeline t = Timeline.product(eventStore, "Private");
        String base = "/api/products/" + t.productId();
        awaitHistory(base + "/dashboard", t.count());

        for (String query : List.of("/dashboard?asOf=2026-01-05T09:00:00Z", "/dashboard?position=0", "/changes")) {
            Api.Response response = api.as("viewer").get(base + query);

            assertThat(response.status()).as(query).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
        assertThat(api.as("pm").get(base + "/dashboard?asOf=2025-12-31T00:00:00Z").status()).isEqualTo(404);
    }

    private JsonNode ok(String path) {
        Api.Response response = api.as("pm").get(path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the live dashboard and the history index have both taken in {@code count} events. */
    private JsonNode awaitHistory(String dashboard, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> api.as("pm").get(dashboard + "?position="
                + Long.MAX_VALUE), r -> r.status() == 200 && r.json().get("version").asInt() == count).json();
    }
}
