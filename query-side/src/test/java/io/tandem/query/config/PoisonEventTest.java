package io.tandem.query.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a dashboard handler cannot handle goes to the dead-letter queue with the rest of its product's events,
 * the processor keeps going for every other product, and health shows the parked events.
 */
@QuerySideTest
@Import(PoisonEventTest.PoisonedHandler.class)
class PoisonEventTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void aPoisonEventParksOnlyItsOwnProductAndShowsInHealth() {
        Api api = new Api(port);
        ProductHistory poisoned = ProductHistory.create(eventStore, "Poisoned", "pm");
        ProductHistory healthy = ProductHistory.create(eventStore, "Healthy", "pm");
        awaitDashboard(api, poisoned.productId());

        poisoned.planRoadmapItem("Poison pill", Horizon.NOW);
        poisoned.planRoadmapItem("After the pill", Horizon.NEXT);
        healthy.planRoadmapItem("Healthy work", Horizon.NOW);

        await().atMost(Duration.ofSeconds(15))
               .until(() -> awaitDashboard(api, healthy.productId()).toString().contains("Healthy work"));
        await().atMost(Duration.ofSeconds(15)).until(() -> parkedInDashboard(api) >= 2);
        JsonNode health = api.as("pm").get("/actuator/health").json();
        assertThat(health.get("status").asText()).as(health.toString()).isEqualTo(ProcessorsHealthIndicator.PARKED);
        assertThat(health.at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").status()).as("parked events keep the node serving")
                                                                 .isEqualTo(200);
        assertThat(awaitDashboard(api, poisoned.productId()).toString())
                .as("events after the poison one wait behind it").doesNotContain("After the pill");
    }

    private static long parkedInDashboard(Api api) {
        JsonNode health = api.as("pm").get("/actuator/health").json();
        return health.at("/components/processors/details/" + ProcessingGroups.DASHBOARD + "/parkedEvents").asLong();
    }

    private static JsonNode awaitDashboard(Api api, String productId) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> api.as("pm").get("/api/products/" + productId + "/dashboard"),
                response -> response.status() == 200).json();
    }

    /** A dashboard handler that cannot handle roadmap items named "Poison…" until it is fixed. */
    @TestConfiguration
    static class PoisonedHandler {
        @Bean
        PoisonSensitiveHandler poisonSensitiveHandler() {
            return new PoisonSensitiveHandler();
        }
    }

    @ProcessingGroup(ProcessingGroups.DASHBOARD)
    static class PoisonSensitiveHandler {

        /** The fix: set, the handler handles poison too. */
        final AtomicBoolean fixed = new AtomicBoolean();
        /** The titles handled per product, in the order handled. */
        final Map<String, List<String>> handled = new ConcurrentHashMap<>();

        @EventHandler
        void on(RoadmapItemPlannedEvent event) {
            if (event.title().startsWith("Poison") && !fixed.get()) {
                throw new IllegalStateException("this handler cannot handle " + event.title());
            }
            handled.computeIfAbsent(event.productId(), product -> new CopyOnWriteArrayList<>()).add(event.title());
        }
    }
}
