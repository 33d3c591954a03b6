package io.tandem.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.Horizon;
import io.tandem.events.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class DecisionLogQueriesTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    Api api;
    ProductHistory product;
    String roadmapItem;
    String base;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        product = ProductHistory.create(eventStore, "Audit", "pm").grant("po", Role.PRODUCT_OWNER);
        roadmapItem = product.planRoadmapItem("Exports", Horizon.NOW);
        String first = product.addBacklogItem("CSV export", roadmapItem);
        product.addBacklogItem("JSON export", roadmapItem);
        product.reprioritize(first, 1, 2, "JSON first, the auditors asked");
        base = "/api/products/" + product.productId() + "/decisions";
        await().atMost(Duration.ofSeconds(10)).until(() -> api.as("pm").get(base + "?limit=500"),
                response -> response.status() == 200 && response.json().get("entries").size() == 7);
    }

    @Test
    void pagesThroughTheWholeLogWithTheCursor() {
        List<Long> all = positions(api.as("pm").get(base + "?limit=500").json());

        List<Long> paged = new ArrayList<>();
        String next = base + "?limit=2";
        int pages = 0;
        while (next != null) {
            Api.Response page = api.as("po").get(next);
            assertThat(page.status()).isEqualTo(200);
            paged.addAll(positions(page.json()));
            JsonNode cursor = page.json().get("nextAfter");
            next = cursor == null || cursor.isNull() ? null : base + "?limit=2&after=" + cursor.asLong();
            if (next != null) {
                assertThat(page.header("Link")).contains("after=" + cursor.asLong()).contains("rel=\"next\"");
            }
            pages++;
        }

        assertThat(all).hasSize(7).isSorted().doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isBetween(4, 5);
    }

    @Test
    void afterAPositionListsOnlyTheNewerDecisions() {
        List<Long> all = positions(api.as("pm").get(base + "?limit=500").json());

        List<Long> missed = positions(api.as("pm").get(base + "?after=" + all.get(4)).json());

        assertThat(missed).isEqualTo(all.subList(5, 7));
    }

    @Test
    void filtersByActorRoleTypeAndItem() {
        JsonNode byPo = api.as("pm").get(base + "?actor=po").json().get("entries");
        JsonNode asPm = api.as("pm").get(base + "?role=PRODUCT_MANAGER").json().get("entries");
        JsonNode planned = api.as("pm").get(base + "?type=RoadmapItemPlanned").json().get("entries");
        JsonNode aboutItem = api.as("pm").get(base + "?item=" + roadmapItem).json().get("entries");

        assertThat(byPo).hasSize(3).allSatisfy(entry -> assertThat(entry.get("actor").asText()).isEqualTo("po"));
        assertThat(asPm).hasSize(4)
                .allSatisfy(entry -> assertThat(entry.get("role").asText()).isEqualTo("PRODUCT_MANAGER"));
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).get("itemId").asText()).isEqualTo(roadmapItem);
        assertThat(aboutItem).isNotEmpty().hasSizeLessThan(7);
    }

    @Test
    void filtersByTimeRange() {
        JsonNode future = api.as("pm").get(base + "?from=2999-01-01").json().get("entries");
        JsonNode past = api.as("pm").get(base + "?to=2000-01-01T00:00:00Z").json().get("entries");
        JsonNode everything = api.as("pm").get(base + "?from=2000-01-01&to=2999-01-01").json().get("entries");

        assertThat(future).isEmpty();
        assertThat(past).isEmpty();
        assertThat(everything).hasSize(7);
    }

    @Test
    void refusesBadParametersWithAValidationProblem() {
        Api.Response response = api.as("pm").get(base + "?limit=501&after=x&role=KING&from=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:tandem:problem:validation");
        assertThat(response.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("limit", "after", "role", "from");
        assertThat(api.as("pm").get(base + "?limit=0").status()).isEqualTo(400);
        assertThat(api.as("pm").get(base + "?after=-1").status()).isEqualTo(400);
    }

    private static List<Long> positions(JsonNode page) {
        List<Long> positions = new ArrayList<>();
        page.get("entries").forEach(entry -> positions.add(entry.get("globalPosition").asLong()));
        return positions;
    }
}
