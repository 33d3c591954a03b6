package io.tandem.query.live;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.query.web.Api;
import java.time.Duration;

/** Small waits shared by the live tests. */
final class LiveTestSupport {

    private LiveTestSupport() {
    }

    static String dashboardTopic(String productId) {
        return "/topic/products/" + productId + "/dashboard";
    }

    /** Waits until the product's dashboard satisfies the condition (read over REST as its PM) and returns it. */
    static JsonNode awaitDashboard(Api api, String productId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            Api.Response response = api.as("pm").get("/api/products/" + productId + "/dashboard");
            return response.status() == 200 ? response.json() : null;
        }, dashboard -> dashboard != null && condition.test(dashboard));
    }

    /**
     * Waits until each user can read the product. Membership is its own processor, so a dashboard that already lists
     * a member says nothing about whether a SUBSCRIBE by that member is authorized yet.
     */
    static void awaitMembers(Api api, String productId, String... users) {
        for (String user : users) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> api.as(user).get("/api/products/" + productId + "/dashboard").status() == 200);
        }
    }
}
