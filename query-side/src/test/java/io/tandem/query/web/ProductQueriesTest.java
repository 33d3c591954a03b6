package io.tandem.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.Horizon;
import io.tandem.events.Role;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class ProductQueriesTest {

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
    void membersSeeTheirProductsWithTheirRolesAndOthersDoNot() {
        ProductHistory product = ProductHistory.create(eventStore, "Checkout", "pm")
                .grant("po", Role.PRODUCT_OWNER).grant("po", Role.CONTRIBUTOR);

        JsonNode mine = await().atMost(Duration.ofSeconds(10)).until(
                () -> find(api.as("po").get("/api/products").json(), product.productId()),
                node -> node != null && node.get("roles").size() == 2);

        assertThat(mine.get("name").asText()).isEqualTo("Checkout");
        assertThat(mine.get("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("PRODUCT_OWNER", "CONTRIBUTOR");
        assertThat(find(api.as("viewer").get("/api/products").json(), product.productId())).isNull();
    }

    @Test
    void aMemberReadsTheDashboardTheReadModelBuilt() {
        ProductHistory product = ProductHistory.create(eventStore, "Search", "pm").grant("po", Role.PRODUCT_OWNER);
        String roadmapItem = product.planRoadmapItem("Typo tolerance", Horizon.NOW);
        String backlogItem = product.addBacklogItem("Fuzzy matcher", roadmapItem);

        Api.Response response = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.as("po").get("/api/products/" + product.productId() + "/dashboard"),
                r -> r.status() == 200 && r.json().get("backlog").size() == 1);

        JsonNode dashboard = response.json();
        assertThat(dashboard.get("productId").asText()).isEqualTo(product.productId());
        assertThat(dashboard.at("/roadmap/now/0/title").asText()).isEqualTo("Typo tolerance");
        assertThat(dashboard.at("/roadmap/now/0/openBacklogCount").asInt()).isEqualTo(1);
        assertThat(dashboard.at("/backlog/0/id").asText()).isEqualTo(backlogItem);
        assertThat(dashboard.at("/backlog/0/roadmapItemId").asText()).isEqualTo(roadmapItem);
        assertThat(dashboard.at("/metrics/coverage/formula").asText()).isNotBlank();
        assertThat(response.header("ETag")).isEqualTo("\"" + dashboard.get("version").asLong() + "\"");
    }

    @Test
    void aNonMemberGetsNotFoundJustLikeForAnUnknownProduct() {
        ProductHistory product = ProductHistory.create(eventStore, "Secret", "pm");
        String item = product.planRoadmapItem("Hidden plan", Horizon.NEXT);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.as("pm").get("/api/products/" + product.productId() + "/dashboard").status() == 200);
        String base = "/api/products/" + product.productId();

        for (String path : new String[] {base + "/dashboard", base + "/decisions",
                base + "/items/" + item + "/timeline", base + "/feedback", base + "/changes",
                base + "/dashboard?position=1", base + "/decisions/export?format=csv",
                "/api/products/no-such-product/dashboard"}) {
            Api.Response response = api.as("viewer").get(path);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).as(path).isEqualTo("urn:tandem:problem:not-found");
            assertThat(response.text()).as(path).doesNotContain("Secret").doesNotContain("Hidden plan");
        }
    }

    @Test
    void withoutValidCredentialsTheApiAnswersUnauthorized() {
        Api.Response anonymous = api.get("/api/products");
        Api.Response wrongPassword = api.as("pm", "wrong").get("/api/products");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("type").asText()).isEqualTo("urn:tandem:problem:unauthorized");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void theTimelineListsEveryDecisionAboutOneItemOldestFirst() {
        ProductHistory product = ProductHistory.create(eventStore, "Payments", "pm");
        String item = product.planRoadmapItem("Wallets", Horizon.LATER);
        product.planRoadmapItem("Something else", Horizon.NOW);
        product.reschedule(item, Horizon.LATER, Horizon.NEXT, "Customers ask");
        product.reschedule(item, Horizon.NEXT, Horizon.NOW, "Competitor shipped it");
        String path = "/api/products/" + product.productId() + "/items/" + item + "/timeline";

        JsonNode timeline = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.as("pm").get(path), r -> r.status() == 200 && r.json().size() == 3).json();

        assertThat(timeline).extracting(entry -> entry.get("type").asText())
                .containsExactly("RoadmapItemPlanned", "RoadmapItemRescheduled", "RoadmapItemRescheduled");
        assertThat(timeline.get(2).get("rationale").asText()).isEqualTo("Competitor shipped it");
        assertThat(timeline.get(1).get("globalPosition").asLong())
                .isLessThan(timeline.get(2).get("globalPosition").asLong());
        Api.Response unknownItem = api.as("pm").get("/api/products/" + product.productId() + "/items/nope/timeline");
        assertThat(unknownItem.status()).isEqualTo(404);
        assertThat(unknownItem.json().get("type").asText()).isEqualTo("urn:tandem:problem:not-found");
    }

    private static JsonNode find(JsonNode products, String productId) {
        return StreamSupport.stream(products.spliterator(), false)
                .filter(product -> product.get("productId").asText().equals(productId))
                .findFirst().orElse(null);
    }
}
