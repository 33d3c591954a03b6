package io.tandem.query.live;

import static io.tandem.query.live.LiveTestSupport.awaitDashboard;
import static io.tandem.query.live.LiveTestSupport.awaitMembers;
import static io.tandem.query.live.LiveTestSupport.dashboardTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.events.Horizon;
import io.tandem.events.Role;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class DashboardPushTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TopicSubscribers subscribers;

    Api api;
    ProductHistory product;
    String topic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        product = ProductHistory.create(eventStore, "Live", "pm").grant("po", Role.PRODUCT_OWNER);
        topic = dashboardTopic(product.productId());
        awaitMembers(api, product.productId(), "pm", "po");
    }

    @Test
    void aSubscriberGetsTheCurrentDashboardAtOnceAndThenEveryNewerVersion() {
        long current = awaitDashboard(api, product.productId(), d -> d.at("/people/productOwners/0").isTextual())
                .get("version").asLong();

        try (StompProbe po = StompProbe.connect(port, "po")) {
            po.subscribe(topic);

            await().atMost(Duration.ofSeconds(5)).until(() -> !po.bodies(topic).isEmpty());
            assertThat(po.bodies(topic).get(0).get("version").asLong()).isEqualTo(current);

            product.planRoadmapItem("Live cursors", Horizon.NOW);

            JsonNode pushed = await().atMost(Duration.ofSeconds(10)).until(() -> last(po.bodies(topic)),
                    dashboard -> dashboard.get("version").asLong() > current);
            assertThat(pushed.at("/roadmap/now/0/title").asText()).isEqualTo("Live cursors");
            assertThat(subscribers.anyoneOn(topic)).as("the in-memory broker's subscriptions are asked").isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !subscribers.anyoneOn(topic));
        assertThat(meters.get("tandem.live.push.latency").tag("topic", "dashboard").timer().count())
                .isPositive();
    }

    @Test
    void theCurrentDashboardGoesOnlyToTheNewSubscriber() {
        awaitDashboard(api, product.productId(), d -> d.at("/people/productOwners/0").isTextual());
        try (StompProbe first = StompProbe.connect(port, "pm"); StompProbe second = StompProbe.connect(port, "po")) {
            first.subscribe(topic);
            await().atMost(Duration.ofSeconds(5)).until(() -> !first.bodies(topic).isEmpty());
            product.planRoadmapItem("First marker", Horizon.NEXT);
            long marked = await().atMost(Duration.ofSeconds(10)).until(() -> last(first.bodies(topic)),
                    dashboard -> dashboard.at("/roadmap/next/0/title").asText().equals("First marker"))
                    .get("version").asLong();

            second.subscribe(topic);
            await().atMost(Duration.ofSeconds(5)).until(() -> !second.bodies(topic).isEmpty());
            assertThat(second.bodies(topic).get(0).get("version").asLong()).isEqualTo(marked);
            product.planRoadmapItem("Second marker", Horizon.NEXT);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> last(first.bodies(topic)).get("version").asLong() > marked);

            assertThat(first.bodies(topic)).as("the first got version %d once, not the second's snapshot", marked)
                    .filteredOn(dashboard -> dashboard.get("version").asLong() == marked).hasSize(1);
            assertThat(meters.get("tandem.live.sessions").gauge().value()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aBurstOfFiftyEventsBecomesAFewPushesEndingWithTheNewestState() {
        String roadmapItem = product.planRoadmapItem("Bulk import", Horizon.NOW);
        awaitDashboard(api, product.productId(), d -> d.at("/roadmap/now/0/id").asText().equals(roadmapItem));
        try (StompProbe pm = StompProbe.connect(port, "pm")) {
            pm.subscribe(topic);
            await().atMost(Duration.ofSeconds(5)).until(() -> !pm.bodies(topic).isEmpty());
            long before = awaitDashboard(api, product.productId(), d -> true).get("version").asLong();

            for (int i = 1; i <= 50; i++) {
                product.addBacklogItem("Import step " + i, roadmapItem);
            }
            long finalVersion = awaitDashboard(api, product.productId(), d -> d.get("backlog").size() == 50)
                    .get("version").asLong();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> last(pm.bodies(topic)).get("version").asLong() == finalVersion);
            List<StompProbe.Received> pushes = pm.received(topic).stream()
                    .filter(push -> push.body().get("version").asLong() > before).toList();
            assertThat(finalVersion - before).isEqualTo(50);
            List<Long> versions = pushes.stream().map(push -> push.body().get("version").asLong()).toList();
            assertThat(pushes).as("pushes of versions %s", versions).hasSizeLessThan(25);
            assertThat(last(pm.bodies(topic)).get("backlog")).hasSize(50);
            assertThat(versions).isSorted();
            for (StompProbe.Received push : pushes) {
                long from = push.receivedAtNanos();
                long inTheSecondFromIt = pushes.stream().map(StompProbe.Received::receivedAtNanos)
                        .filter(at -> at >= from && at < from + Duration.ofSeconds(1).toNanos()).count();
                assertThat(inTheSecondFromIt).as("pushes within one second").isLessThanOrEqualTo(5);
            }
        }
    }

    private static JsonNode last(List<JsonNode> bodies) {
        return bodies.isEmpty() ? null : bodies.get(bodies.size() - 1);
    }
}
