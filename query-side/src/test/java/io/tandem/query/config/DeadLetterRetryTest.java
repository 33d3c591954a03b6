package io.tandem.query.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.Horizon;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.config.PoisonEventTest.PoisonSensitiveHandler;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin's way out of a poison event: list what a processor parked, retry it while the handler is still broken
 * (it stays parked, and the answer says so), fix the handler, retry again: the parked events are applied in order,
 * the read model catches up, the queue is empty and health is UP again.
 */
@QuerySideTest
@Import(PoisonEventTest.PoisonedHandler.class)
class DeadLetterRetryTest {

    private static final String DEAD_LETTERS = "/api/admin/processors/" + ProcessingGroups.DASHBOARD + "/dead-letters";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    PoisonSensitiveHandler handler;

    @AfterEach
    void breakTheHandlerAgain() {
        handler.fixed.set(false);
    }

    @Test
    void retryAppliesParkedEventsInOrderOnceTheHandlerIsFixed() {
        Api pm = new Api(port).as("pm");
        ProductHistory poisoned = ProductHistory.create(eventStore, "Parked", "pm");
        ProductHistory healthy = ProductHistory.create(eventStore, "Unaffected", "pm");
        poisoned.planRoadmapItem("Poison A", Horizon.NOW);
        poisoned.planRoadmapItem("Behind A", Horizon.NEXT);
        healthy.planRoadmapItem("Goes on", Horizon.NOW);

        JsonNode parked = await().atMost(Duration.ofSeconds(15)).until(() -> sequence(pm, poisoned.productId()),
                sequence -> sequence != null && sequence.get("count").asLong() == 2);
        assertThat(parked.get("firstEventType").asText()).isEqualTo("RoadmapItemPlannedEvent");
        assertThat(parked.get("cause").asText()).contains("cannot handle Poison A");
        assertThat(parked.get("since").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(15)).until(() -> dashboard(pm, healthy.productId()).contains("Goes on"));
        JsonNode health = pm.get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo(ProcessorsHealthIndicator.PARKED);
        assertThat(health.at("/components/processors/details/dashboard/parkedEvents").asLong())
                .isEqualTo(parkedTotal(pm));

        JsonNode stillBroken = pm.post(DEAD_LETTERS + "/retry").json();
        JsonNode attempt = retried(stillBroken, poisoned.productId());
        assertThat(attempt.get("processed").asLong()).as(stillBroken.toString()).isZero();
        assertThat(attempt.get("stillParked").asLong()).isEqualTo(2);
        assertThat(attempt.get("cause").asText()).contains("cannot handle Poison A");
        assertThat(stillBroken.get("stillParked").asLong()).isEqualTo(parkedTotal(pm)).isGreaterThanOrEqualTo(2);
        assertThat(sequence(pm, poisoned.productId()).get("count").asLong()).isEqualTo(2);
        assertThat(dashboard(pm, poisoned.productId())).doesNotContain("Behind A");

        handler.fixed.set(true);
        JsonNode fixed = pm.post(DEAD_LETTERS + "/retry").json();
        JsonNode success = retried(fixed, poisoned.productId());
        assertThat(success.get("processed").asLong()).as(fixed.toString()).isEqualTo(2);
        assertThat(success.get("stillParked").asLong()).isZero();
        assertThat(success.path("cause").asText(null)).isNull();
        assertThat(fixed.get("stillParked").asLong()).isZero();
        assertThat(pm.get(DEAD_LETTERS).json()).isEmpty();
        assertThat(handler.handled.get(poisoned.productId())).as("applied in order")
                                                             .containsExactly("Poison A", "Behind A");
        assertThat(dashboard(pm, poisoned.productId())).contains("Poison A", "Behind A");
        assertThat(pm.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");

        poisoned.planRoadmapItem("After the fix", Horizon.LATER);
        await().atMost(Duration.ofSeconds(15))
               .until(() -> dashboard(pm, poisoned.productId()).contains("After the fix"));
        assertThat(handler.handled.get(poisoned.productId())).containsExactly("Poison A", "Behind A",
                                                                                "After the fix");
    }

    @Test
    void onlyAdminsSeeOrRetryDeadLettersOfKnownProcessors() {
        Api api = new Api(port);
        for (Api.Response refused : new Api.Response[] {api.as("po").get(DEAD_LETTERS),
                api.as("viewer").post(DEAD_LETTERS + "/retry")}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:tandem:problem:forbidden");
        }
        for (Api.Response unknown : new Api.Response[] {api.as("pm").get("/api/admin/processors/nope/dead-letters"),
                api.as("pm").post("/api/admin/processors/nope/dead-letters/retry")}) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("type").asText()).isEqualTo("urn:tandem:problem:not-found");
            assertThat(unknown.json().get("detail").asText()).contains("nope", ProcessingGroups.DASHBOARD);
        }
        JsonNode documented = api.get("/v3/api-docs").json().at("/paths");
        assertThat(documented.has("/api/admin/processors/{name}/dead-letters")).isTrue();
        assertThat(documented.has("/api/admin/processors/{name}/dead-letters/retry")).isTrue();
    }

    private static JsonNode sequence(Api pm, String productId) {
        return StreamSupport.stream(pm.get(DEAD_LETTERS).json().spliterator(), false)
                            .filter(sequence -> sequence.get("sequenceId").asText().equals(productId))
                            .findFirst().orElse(null);
    }

    private static long parkedTotal(Api pm) {
        return StreamSupport.stream(pm.get(DEAD_LETTERS).json().spliterator(), false)
                            .mapToLong(sequence -> sequence.get("count").asLong()).sum();
    }

    private static JsonNode retried(JsonNode retry, String productId) {
        return StreamSupport.stream(retry.get("sequences").spliterator(), false)
                            .filter(sequence -> sequence.get("sequenceId").asText().equals(productId))
                            .findFirst().orElseThrow(() -> new AssertionError("not retried: " + retry));
    }

    private static String dashboard(Api pm, String productId) {
        return await().atMost(Duration.ofSeconds(15))
                      .until(() -> pm.get("/api/products/" + productId + "/dashboard"),
                             response -> response.status() == 200).text();
    }
}
