package io.tandem.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each endpoint accepts its command: status, id, version, ETag and the event it stored. */
@CommandApiTest
class CommandEndpointsTest extends CommandApiFixture {

    Scenario scenario;
    String productId;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(api);
        productId = scenario.productWithTeam();
    }

    @Test
    void createsProductWithTheCallerAsProductManager() {
        ApiClient.Response created = api.as("po").post("/api/products", "{\"name\":\"Atlas\",\"vision\":\"Maps\"}");

        assertAccepted(created, 201, created.id(), "RoleGrantedEvent");
        assertThat(UUID.fromString(created.id())).isNotNull();
        assertThat(events.typeAt(created.id(), 0)).isEqualTo("ProductCreatedEvent");
        assertThat(events.at(created.id(), created.version()).get("payload", org.bson.Document.class))
                .containsEntry("userId", "po").containsEntry("role", "PRODUCT_MANAGER");
    }

    @Test
    void changesTheVision() {
        assertAccepted(api.as("pm").put(path("/vision"), "{\"vision\":\"One plan, two minds\"}"),
                200, productId, "ProductVisionChangedEvent");
    }

    @Test
    void grantsARole() {
        assertAccepted(api.as("pm").post(path("/members/dana/roles"), "{\"role\":\"PRODUCT_OWNER\"}"),
                200, productId, "RoleGrantedEvent");
    }

    @Test
    void revokesARole() {
        assertAccepted(api.as("pm").delete(path("/members/viewer/roles/VIEWER")), 200, productId, "RoleRevokedEvent");
    }

    @Test
    void definesAnObjective() {
        ApiClient.Response response = api.as("pm").post(path("/objectives"),
                "{\"title\":\"Retention\",\"successMetric\":\"90-day retention above 40%\"}");
        assertAccepted(response, 201, response.id(), "ObjectiveDefinedEvent");
    }

    @Test
    void retiresAnObjective() {
        String objectiveId = scenario.objective(productId);
        assertAccepted(api.as("pm").post(path("/objectives/" + objectiveId + "/retire"),
                "{\"rationale\":\"Reached\"}"), 200, objectiveId, "ObjectiveRetiredEvent");
    }

    @Test
    void plansARoadmapItem() {
        String objectiveId = scenario.objective(productId);
        ApiClient.Response response = api.as("pm").post(path("/roadmap-items"), "{\"title\":\"Audit export\","
                + "\"description\":\"CSV and JSON\",\"horizon\":\"NEXT\",\"objectiveIds\":[\"" + objectiveId + "\"],"
                + "\"rationale\":\"Compliance asks\"}");
        assertAccepted(response, 201, response.id(), "RoadmapItemPlannedEvent");
    }

    @Test
    void reschedulesARoadmapItem() {
        String itemId = scenario.roadmapItem(productId, "LATER");
        assertAccepted(api.as("pm").post(path("/roadmap-items/" + itemId + "/reschedule"),
                "{\"to\":\"NOW\",\"rationale\":\"Customers wait\"}"), 200, itemId, "RoadmapItemRescheduledEvent");
    }

    @Test
    void changesTheStatusOfARoadmapItem() {
        String itemId = scenario.roadmapItem(productId, "NOW");
        assertAccepted(api.as("pm").put(path("/roadmap-items/" + itemId + "/status"), "{\"status\":\"IN_PROGRESS\"}"),
                200, itemId, "RoadmapItemStatusChangedEvent");
    }

    @Test
    void dropsARoadmapItem() {
        String itemId = scenario.roadmapItem(productId, "NEXT");
        assertAccepted(api.as("pm").post(path("/roadmap-items/" + itemId + "/drop"),
                "{\"rationale\":\"No demand\"}"), 200, itemId, "RoadmapItemDroppedEvent");
    }

    @Test
    void addsABacklogItem() {
        String roadmapItemId = scenario.roadmapItem(productId, "NOW");
        ApiClient.Response response = api.as("po").post(path("/backlog-items"),
                "{\"title\":\"Export button\",\"kind\":\"STORY\",\"roadmapItemId\":\"" + roadmapItemId + "\"}");
        assertAccepted(response, 201, response.id(), "BacklogItemAddedEvent");
    }

    @Test
    void reprioritizesABacklogItem() {
        scenario.backlogItem(productId);
        String second = scenario.backlogItem(productId);
        assertAccepted(api.as("po").post(path("/backlog-items/" + second + "/reprioritize"),
                "{\"toPosition\":1,\"rationale\":\"Blocks the demo\"}"), 200, second, "BacklogItemReprioritizedEvent");
    }

    @Test
    void linksABacklogItemToARoadmapItem() {
        String backlogItemId = scenario.backlogItem(productId);
        String roadmapItemId = scenario.roadmapItem(productId, "NOW");
        assertAccepted(api.as("po").put(path("/backlog-items/" + backlogItemId + "/roadmap-link"),
                "{\"roadmapItemId\":\"" + roadmapItemId + "\"}"), 200, backlogItemId, "BacklogItemLinkedEvent");
    }

    @Test
    void unlinksABacklogItem() {
        String backlogItemId = scenario.backlogItem(productId);
        String roadmapItemId = scenario.roadmapItem(productId, "NOW");
        api.as("po").put(path("/backlog-items/" + backlogItemId + "/roadmap-link"),
                "{\"roadmapItemId\":\"" + roadmapItemId + "\"}");
        assertAccepted(api.as("pm").delete(path("/backlog-items/" + backlogItemId + "/roadmap-link")),
                200, backlogItemId, "BacklogItemUnlinkedEvent");
    }

    @Test
    void completesABacklogItem() {
        String backlogItemId = scenario.backlogItem(productId);
        assertAccepted(api.as("po").post(path("/backlog-items/" + backlogItemId + "/complete"), null),
                200, backlogItemId, "BacklogItemCompletedEvent");
    }

    @Test
    void removesABacklogItem() {
        String backlogItemId = scenario.backlogItem(productId);
        assertAccepted(api.as("po").post(path("/backlog-items/" + backlogItemId + "/remove"),
                "{\"rationale\":\"Duplicate of another story\"}"), 200, backlogItemId, "BacklogItemRemovedEvent");
    }

    @Test
    void submitsFeedbackVersionedAsItsOwnItem() {
        ApiClient.Response response = api.as("contributor").post(path("/feedback"),
                "{\"channel\":\"SALES_CALL\",\"customerReference\":\"acme-7\",\"text\":\"Need SSO\",\"urgency\":\"HIGH\"}");
        assertAccepted(response, 201, response.id(), "FeedbackReceivedEvent");
        assertThat(response.version()).isZero();
    }

    @Test
    void submitsFeedbackWithTheCustomersContactStoredOnlySealed() {
        ApiClient.Response response = api.as("contributor").post(path("/feedback"),
                "{\"channel\":\"EMAIL\",\"customerReference\":\"acme-8\",\"text\":\"Need SSO\",\"urgency\":\"LOW\","
                        + "\"customer\":{\"name\":\"Zoë Example\",\"email\":\"zoe@example.org\"}}");
        assertAccepted(response, 201, response.id(), "FeedbackReceivedEvent");
        org.bson.Document stored = events.at(response.id(), 0);
        assertThat(stored.get("payload", org.bson.Document.class).get("customerContact", org.bson.Document.class))
                .containsKeys("nonce", "ciphertext");
        assertThat(stored.toJson()).doesNotContain("Zoë Example", "zoe@example.org");
        assertThat(stored.getString("payloadRevision")).isEqualTo("2");
    }

    @Test
    void rejectsContactDetailsWithoutACustomerReferenceAndStoresNothing() {
        long before = events.count();
        ApiClient.Response response = api.as("contributor").post(path("/feedback"),
                "{\"channel\":\"EMAIL\",\"text\":\"Need SSO\",\"urgency\":\"LOW\","
                        + "\"customer\":{\"email\":\"zoe@example.org\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:tandem:problem:validation");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void rejectsAMalformedContactEmail() {
        long before = events.count();
        ApiClient.Response response = api.as("contributor").post(path("/feedback"),
                "{\"channel\":\"EMAIL\",\"customerReference\":\"acme-9\",\"text\":\"Need SSO\","
                        + "\"urgency\":\"LOW\",\"customer\":{\"email\":\"not an address\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().toString()).contains("customer.email");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void forgetsACustomer() {
        api.as("contributor").post(path("/feedback"), "{\"channel\":\"EMAIL\",\"customerReference\":\"acme-10\","
                + "\"text\":\"Need SSO\",\"urgency\":\"LOW\",\"customer\":{\"name\":\"Zoë\"}}");
        assertThat(database.getCollection("customer_keys").countDocuments(
                new org.bson.Document("_id", productId + "/acme-10"))).isOne();

        ApiClient.Response response = api.as("po").post(path("/customers/acme-10/forget"), null);

        assertAccepted(response, 200, "acme-10", "CustomerForgottenEvent");
        assertThat(database.getCollection("customer_keys").countDocuments(
                new org.bson.Document("_id", productId + "/acme-10"))).isZero();
    }

    @Test
    void contributorCannotForgetACustomerAndNothingIsErased() {
        api.as("contributor").post(path("/feedback"), "{\"channel\":\"EMAIL\",\"customerReference\":\"acme-11\","
                + "\"text\":\"Need SSO\",\"urgency\":\"LOW\",\"customer\":{\"name\":\"Zoë\"}}");
        long before = events.count();

        ApiClient.Response response = api.as("contributor").post(path("/customers/acme-11/forget"), null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(events.count()).isEqualTo(before);
        assertThat(database.getCollection("customer_keys").countDocuments(
                new org.bson.Document("_id", productId + "/acme-11"))).isOne();
    }

    @Test
    void triagesFeedback() {
        String feedbackId = scenario.feedback(productId);
        assertAccepted(api.as("po").post(path("/feedback/" + feedbackId + "/triage"),
                "{\"outcome\":\"DECLINED\",\"rationale\":\"Out of scope\"}"), 200, feedbackId, "FeedbackTriagedEvent");
    }

    @Test
    void recordsADecision() {
        String roadmapItemId = scenario.roadmapItem(productId, "NOW");
        ApiClient.Response response = api.as("po").post(path("/decisions"), "{\"title\":\"Use STOMP\","
                + "\"context\":\"Live push\",\"decision\":\"STOMP over WebSocket\",\"consequences\":\"Broker relay\","
                + "\"relatedItemIds\":[\"" + roadmapItemId + "\"]}");
        assertAccepted(response, 201, response.id(), "DecisionRecordedEvent");
    }

    @Test
    void holdsASyncMeeting() {
        ApiClient.Response response = api.as("pm").post(path("/sync-meetings"),
                "{\"title\":\"Weekly sync\",\"attendees\":[\"pm\",\"po\"],\"notes\":\"Roadmap reviewed\"}");
        assertAccepted(response, 201, response.id(), "SyncMeetingHeldEvent");
    }

    @Test
    void appliesTheCommandWhenIfMatchIsTheCurrentVersion() {
        long current = scenario.version(productId);
        ApiClient.Response response = api.as("pm").header("If-Match", "\"" + current + "\"")
                .put(path("/vision"), "{\"vision\":\"Decided on what I saw\"}");
        assertAccepted(response, 200, productId, "ProductVisionChangedEvent");
        assertThat(response.version()).isEqualTo(current + 1);
    }

    private String path(String suffix) {
        return "/api/products/" + productId + suffix;
    }

    /** Status, id, version = ETag, and the event at that version of the aggregate the id or product names. */
    private void assertAccepted(ApiClient.Response response, int status, String id, String eventType) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.id()).isEqualTo(id);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.version() + "\"");
        String aggregateId = eventType.startsWith("Feedback") ? response.id() : productIdOf(response);
        assertThat(events.typeAt(aggregateId, response.version())).isEqualTo(eventType);
        assertThat(events.metaDataAt(aggregateId, response.version()).getString("actor")).isEqualTo(caller(response));
    }

    private static String caller(ApiClient.Response response) {
        String basic = response.raw().request().headers().firstValue("Authorization").orElseThrow();
        String credentials = new String(Base64.getDecoder().decode(basic.substring("Basic ".length())));
        return credentials.substring(0, credentials.indexOf(':'));
    }

    private String productIdOf(ApiClient.Response response) {
        return response.raw().uri().getPath().equals("/api/products") ? response.id() : productId;
    }
}
