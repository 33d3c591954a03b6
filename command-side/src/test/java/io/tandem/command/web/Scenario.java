package io.tandem.command.web;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the state a test needs through the API itself. */
public final class Scenario {

    private final ApiClient api;

    public Scenario(ApiClient api) {
        this.api = api;
    }

    /** A product created by "pm", with "po" as PRODUCT_OWNER, "contributor" and "viewer" as members. */
    public String productWithTeam() {
        String productId = product("pm");
        grant(productId, "po", "PRODUCT_OWNER");
        grant(productId, "contributor", "CONTRIBUTOR");
        grant(productId, "viewer", "VIEWER");
        return productId;
    }

    public String product(String creator) {
        return created(api.as(creator).post("/api/products", "{\"name\":\"Tandem\",\"vision\":\"Align PM and PO\"}"));
    }

    public void grant(String productId, String userId, String role) {
        ApiClient.Response response = api.as("pm")
                .post("/api/products/" + productId + "/members/" + userId + "/roles", "{\"role\":\"" + role + "\"}");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    public String roadmapItem(String productId, String horizon) {
        return created(api.as("pm").post("/api/products/" + productId + "/roadmap-items",
                "{\"title\":\"Live dashboard\",\"horizon\":\"" + horizon + "\"}"));
    }

    public String backlogItem(String productId) {
        return created(api.as("po").post("/api/products/" + productId + "/backlog-items",
                "{\"title\":\"Push over STOMP\",\"kind\":\"STORY\"}"));
    }

    public String objective(String productId) {
        return created(api.as("pm").post("/api/products/" + productId + "/objectives",
                "{\"title\":\"Faster alignment\",\"successMetric\":\"Sync meetings under 30 minutes\"}"));
    }

    public String feedback(String productId) {
        return created(api.as("contributor").post("/api/products/" + productId + "/feedback",
                "{\"channel\":\"EMAIL\",\"customerReference\":\"cust-42\",\"text\":\"Love it\",\"urgency\":\"LOW\"}"));
    }

    /** The current version of a product plan, read from a harmless command's answer. */
    public long version(String productId) {
        ApiClient.Response response = api.as("pm").post("/api/products/" + productId + "/members/pm/roles",
                "{\"role\":\"PRODUCT_MANAGER\"}");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.version();
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.id();
    }
}
