package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The right to erasure across both services: a customer's contact details, given with feedback, are readable by the
 * product's PM and PO until the customer is forgotten; afterwards they can be found nowhere in MongoDB — not in the
 * events, read models, snapshots, keys or any other collection of any database — nor in the as-of view or the audit
 * export, while the feedback and its triage stay.
 */
class ErasureEndToEndTest {

    private static TandemSystem system;
    private static Api commands;
    private static Api queries;
    private static MongoClient mongo;

    @BeforeAll
    static void startTandem() throws Exception {
        system = TandemSystem.get();
        commands = new Api(system.commandSide.baseUrl());
        queries = new Api(system.querySide.baseUrl());
        mongo = MongoClients.create(system.store.connectionString());
    }

    @AfterAll
    static void closeClient() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void afterErasureTheCustomersPersonalDataCannotBeFoundAnywhereWhileTheFeedbackStays() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zoë Erasure " + unique;
        String email = "zoe." + unique + "@example.org";
        String reference = "cust-" + unique;
        String productId = commands.post("pm", "/api/products", "{\"name\":\"Erasure " + unique + "\"}")
                                   .get("id").asText();
        commands.post("pm", "/api/products/" + productId + "/members/po/roles", "{\"role\":\"PRODUCT_OWNER\"}");
        commands.post("pm", "/api/products/" + productId + "/members/viewer/roles", "{\"role\":\"VIEWER\"}");
        commands.post("pm", "/api/products/" + productId + "/members/contributor/roles",
                      "{\"role\":\"CONTRIBUTOR\"}");
        String feedbackId = submitFeedback(productId, reference, name, email, "Checkout times out");
        String otherId = submitFeedback(productId, "cust-other-" + unique, "Bo Other", "bo@example.org", "Love it");
        commands.post("po", "/api/products/" + productId + "/feedback/" + feedbackId + "/triage",
                      "{\"outcome\":\"DECLINED\",\"rationale\":\"Known issue, fix scheduled\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> contactIn(inbox(productId, "po"), feedbackId) != null
                && inbox(productId, "po").findValues("outcome").stream().anyMatch(o -> o.asText().equals("DECLINED")));
        assertThat(contactIn(inbox(productId, "po"), feedbackId).path("email").asText()).isEqualTo(email);
        assertThat(contactIn(inbox(productId, "viewer"), feedbackId)).as("viewers never see contacts").isNull();
        assertThat(everythingStored()).as("stored only sealed, even before erasure").doesNotContain(name, email);
        String key = base64KeyOf(productId + "/" + reference);
        long positionBeforeErasure = queries.get("pm", "/api/products/" + productId + "/decisions?limit=500")
                                            .path("entries").findValues("globalPosition").stream()
                                            .mapToLong(JsonNode::asLong).max().orElseThrow();

        commands.post("po", "/api/products/" + productId + "/customers/" + reference + "/forget", "");

        await().atMost(Duration.ofSeconds(15)).until(() -> entryIn(inbox(productId, "po"), feedbackId)
                .path("customerErased").asBoolean());
        JsonNode erased = entryIn(inbox(productId, "po"), feedbackId);
        assertThat(erased.path("customer").isObject()).as("contact after erasure").isFalse();
        assertThat(erased.path("summary").asText()).as("the feedback stays").isEqualTo("Checkout times out");
        assertThat(erased.path("outcome").asText()).as("its triage stays").isEqualTo("DECLINED");
        assertThat(contactIn(inbox(productId, "po"), otherId).path("name").asText()).isEqualTo("Bo Other");
        String stored = everythingStored();
        assertThat(stored).doesNotContain(name, email, key);
        assertThat(stored).contains(feedbackId, "Known issue, fix scheduled");
        assertThat(queries.get("po", "/api/products/" + productId + "/dashboard?position=" + positionBeforeErasure)
                          .toString()).doesNotContain(name, email);
        assertThat(text("/api/products/" + productId + "/decisions/export?format=csv"))
                .contains("erased the personal data of a customer").doesNotContain(name, email);
        assertThat(text("/api/products/" + productId + "/decisions/export?format=jsonl")).doesNotContain(name, email);
    }

    private static String submitFeedback(String productId, String reference, String name, String email,
                                         String text) {
        return commands.post("contributor", "/api/products/" + productId + "/feedback",
                             "{\"channel\":\"EMAIL\",\"customerReference\":\"" + reference + "\",\"text\":\"" + text
                                     + "\",\"urgency\":\"HIGH\",\"customer\":{\"name\":\"" + name + "\",\"email\":\""
                                     + email + "\"}}").get("id").asText();
    }

    private static JsonNode inbox(String productId, String user) {
        return queries.get(user, "/api/products/" + productId + "/feedback");
    }

    private static JsonNode entryIn(JsonNode inbox, String feedbackId) {
        for (JsonNode entry : inbox) {
            if (entry.path("feedbackId").asText().equals(feedbackId)) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode contactIn(JsonNode inbox, String feedbackId) {
        JsonNode customer = entryIn(inbox, feedbackId).path("customer");
        return customer.isObject() ? customer : null;
    }

    private static String base64KeyOf(String keyId) {
        Document key = mongo.getDatabase("tandem").getCollection("customer_keys")
                            .find(new Document("_id", keyId)).first();
        assertThat(key).as("the customer's key before erasure").isNotNull();
        return Base64.getEncoder().encodeToString(key.get("key", Binary.class).getData());
    }

    /** Every document of every collection of every database on the store, as extended JSON. */
    private static String everythingStored() {
        List<String> documents = new ArrayList<>();
        for (String databaseName : mongo.listDatabaseNames()) {
            MongoDatabase database = mongo.getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                database.getCollection(collection).find().forEach(document -> documents.add(document.toJson()));
            }
        }
        assertThat(documents).as("documents on the store").hasSizeGreaterThan(10);
        return String.join("\n", documents);
    }

    private static String text(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(system.querySide.baseUrl() + path))
                           .header("Authorization", Api.basic("pm")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("export %s", path).isEqualTo(200);
        return response.body();
    }
}
