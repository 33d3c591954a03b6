package io.tandem.query.live;

import static io.tandem.query.live.LiveTestSupport.awaitDashboard;
import static io.tandem.query.live.LiveTestSupport.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.Horizon;
import io.tandem.events.Role;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class DecisionAndAlertPushTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    Api api;
    ProductHistory product;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        product = ProductHistory.create(eventStore, "Feeds", "pm").grant("po", Role.PRODUCT_OWNER);
        awaitDashboard(api, product.productId(), d -> d.at("/people/productOwners/0").isTextual());
        awaitMembers(api, product.productId(), "pm", "po");
    }

    @Test
    void everyNewDecisionIsPushedWithItsGlobalPositionAsTheLogHasIt() {
        String decisions = "/topic/products/" + product.productId() + "/decisions";
        try (StompProbe po = StompProbe.connect(port, "po")) {
            po.subscribe(decisions);
            awaitSubscribed(po, "/topic/products/" + product.productId() + "/dashboard");
            int before = po.bodies(decisions).size();

            product.planRoadmapItem("Audit trail", Horizon.NOW);
            product.planRoadmapItem("Exports", Horizon.NEXT);

            await().atMost(Duration.ofSeconds(10)).until(() -> po.bodies(decisions).size() >= before + 2);
            List<JsonNode> pushed = po.bodies(decisions).subList(before, before + 2);
            assertThat(pushed).extracting(entry -> entry.get("sentence").asText())
                    .anySatisfy(sentence -> assertThat(sentence).contains("Audit trail"))
                    .anySatisfy(sentence -> assertThat(sentence).contains("Exports"));
            List<Long> positions = new ArrayList<>();
            pushed.forEach(entry -> positions.add(entry.get("globalPosition").asLong()));
            assertThat(positions).isSorted().doesNotHaveDuplicates();
            JsonNode log = api.as("po").get("/api/products/" + product.productId() + "/decisions?after="
                    + (positions.get(0) - 1) + "&limit=2").json().get("entries");
            assertThat(log).extracting(entry -> entry.get("globalPosition").asLong()).isEqualTo(positions);
        }
    }

    @Test
    void anAlertIsPushedWhenItStartsAndWhenItClears() {
        String alerts = "/topic/products/" + product.productId() + "/alerts";
        try (StompProbe pm = StompProbe.connect(port, "pm")) {
            pm.subscribe(alerts);
            awaitSubscribed(pm, "/topic/products/" + product.productId() + "/dashboard");

            String item = product.planRoadmapItem("Nobody works on this", Horizon.NOW);

            JsonNode started = await().atMost(Duration.ofSeconds(10)).until(() -> find(pm.bodies(alerts), item,
                    "STARTED"), notice -> notice != null);
            assertThat(started.at("/alert/code").asText()).isEqualTo("NOW_ITEM_WITHOUT_WORK");

            product.addBacklogItem("Somebody does now", item);

            JsonNode cleared = await().atMost(Duration.ofSeconds(10)).until(() -> find(pm.bodies(alerts), item,
                    "CLEARED"), notice -> notice != null);
            assertThat(cleared.get("productId").asText()).isEqualTo(product.productId());
        }
    }

    /** Subscribes to the dashboard too and waits for its snapshot: the subscriptions before it are in place. */
    private static void awaitSubscribed(StompProbe probe, String dashboardTopic) {
        probe.subscribe(dashboardTopic);
        await().atMost(Duration.ofSeconds(5)).until(() -> !probe.bodies(dashboardTopic).isEmpty());
    }

    private static JsonNode find(List<JsonNode> notices, String itemId, String state) {
        return notices.stream().filter(notice -> notice.get("state").asText().equals(state)
                && itemId.equals(notice.at("/alert/itemId").asText())).findFirst().orElse(null);
    }
}
