package io.tandem.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.Role;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.history.Timeline;
import io.tandem.query.web.Api;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rebuilding a read model over the admin API gives exactly the read model that live processing built. */
@QuerySideTest
class ReadModelRebuildTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @Autowired
    ReadModels readModels;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {ProcessingGroups.DASHBOARD, ProcessingGroups.DECISION_LOG, ProcessingGroups.MEMBERSHIP,
            ProcessingGroups.PRODUCT_HISTORY})
    void theRebuiltReadModelEqualsTheLiveOneAndTakesOverFromIt(String processor) {
        String productId = productWithHistory();
        awaitEveryReadModelHas(productId);
        int generation = readModels.generation(processor).serving();
        Map<String, List<String>> live = contents(processor, generation, productId);
        assertThat(live.get(ReadModels.COLLECTIONS.get(processor).get(0))).as("the product's documents").isNotEmpty();

        Api.Response started = api.as("pm").post("/api/admin/processors/" + processor + "/rebuild");

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("total").asLong()).isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(rebuildOf(processor).path("state").asText()));
        JsonNode done = rebuildOf(processor);
        assertThat(done.get("processed").asLong()).isEqualTo(done.get("total").asLong());
        assertThat(readModels.generation(processor).serving()).isEqualTo(generation + 1);
        assertThat(contents(processor, generation + 1, productId)).isEqualTo(live);
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .doesNotContainAnyElementsOf(physicalNames(processor, generation));
        assertThat(api.as("pm").get("/api/products/" + productId + "/dashboard").status()).isEqualTo(200);
    }

    @Test
    void healthShowsTheLastRebuild() {
        api.as("pm").post("/api/admin/processors/" + ProcessingGroups.MEMBERSHIP + "/rebuild");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "DONE".equals(rebuildOf(ProcessingGroups.MEMBERSHIP).path("state").asText()));

        JsonNode health = api.as("pm").get("/actuator/health").json();

        assertThat(health.at("/components/processors/details/membership/rebuild/state").asText()).isEqualTo("DONE");
    }

    @Test
    void onlyAdminsMayOperateProcessors() {
        Api.Response listed = api.as("po").get("/api/admin/processors");
        Api.Response rebuilt = api.as("po").post("/api/admin/processors/dashboard/rebuild");

        assertThat(listed.status()).isEqualTo(403);
        assertThat(rebuilt.status()).isEqualTo(403);
        assertThat(rebuilt.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rebuilt.json().get("type").asText()).isEqualTo("urn:tandem:problem:forbidden");
        assertThat(api.get("/api/admin/processors").status()).isEqualTo(401);
    }

    @Test
    void anUnknownProcessorIsNotFound() {
        Api.Response response = api.as("pm").post("/api/admin/processors/nope/rebuild");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:tandem:problem:not-found");
        assertThat(response.json().get("detail").asText()).contains("dashboard", "decision-log");
    }

    @Test
    void listsEveryProcessorWithItsReadModelGeneration() {
        JsonNode processors = api.as("pm").get("/api/admin/processors").json();

        assertThat(processors.findValuesAsText("name"))
                .containsExactly("dashboard", "decision-log", "membership", "product-history");
        assertThat(processors.findValues("running")).allMatch(JsonNode::asBoolean);
    }

    private JsonNode rebuildOf(String processor) {
        for (JsonNode status : api.as("pm").get("/api/admin/processors").json()) {
            if (status.get("name").asText().equals(processor)) {
                return status.path("rebuild");
            }
        }
        throw new AssertionError("no processor " + processor);
    }

    private String productWithHistory() {
        Timeline t = Timeline.product(eventStore, "Rebuild");
        String roadmapItem = Timeline.id();
        String backlogA = Timeline.id();
        String backlogB = Timeline.id();
        String feedback = Timeline.id();
        String p = t.productId();
        t.pm(new RoadmapItemPlannedEvent(p, roadmapItem, "Wallets", "d", Horizon.NEXT, List.of(), "Demand"));
        t.po(new BacklogItemAddedEvent(p, backlogA, "Apple Pay", BacklogItemKind.STORY, roadmapItem, 1));
        t.po(new BacklogItemAddedEvent(p, backlogB, "Google Pay", BacklogItemKind.STORY, roadmapItem, 2));
        t.pm(new SyncMeetingHeldEvent(p, Timeline.id(), "Weekly", List.of("pm", "po"), "ok"));
        t.po(new BacklogItemReprioritizedEvent(p, backlogB, 2, 1, "Android first"));
        t.pm(new RoadmapItemRescheduledEvent(p, roadmapItem, Horizon.NEXT, Horizon.NOW, "Season"));
        t.feedback(feedback, "po", Role.PRODUCT_OWNER, new FeedbackReceivedEvent(p, feedback, FeedbackChannel.EMAIL,
                "cust-1", "Please add wallets", Urgency.HIGH));
        t.feedback(feedback, "po", Role.PRODUCT_OWNER, new FeedbackTriagedEvent(p, feedback, TriageOutcome.LINKED,
                roadmapItem, null, null));
        return p;
    }

    private void awaitEveryReadModelHas(String productId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode dashboard = api.as("pm").get("/api/products/" + productId + "/dashboard").json();
            JsonNode log = api.as("pm").get("/api/products/" + productId + "/decisions?limit=500").json();
            JsonNode changes = api.as("pm").get("/api/products/" + productId + "/changes").json();
            return dashboard.path("version").asInt() == 11 && log.path("entries").size() == 11
                    && !changes.path("backlog").isMissingNode();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document head = readModels.serving(ProcessingGroups.PRODUCT_HISTORY).getCollection("product_history")
                    .find(new Document("_id", productId + "/head")).first();
            return head != null && head.get("count", Number.class).intValue() == 11;
        });
    }

    /**
     * The documents of the processor's read model in that generation that concern the product, as JSON, by
     * collection, ordered by id (other tests' products share the store).
     */
    private Map<String, List<String>> contents(String processor, int generation, String productId) {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (String name : ReadModels.COLLECTIONS.get(processor)) {
            List<String> documents = new ArrayList<>();
            database.getCollection(ReadModels.physicalName(name, generation)).find()
                    .sort(new Document("_id", 1)).map(ReadModelRebuildTest::canonical).forEach(json -> {
                        if (json.contains(productId)) {
                            documents.add(json);
                        }
                    });
            contents.put(name, documents);
        }
        return contents;
    }

    /** The document as JSON, with a user's product list sorted: it is a set, filled by segments in any order. */
    private static String canonical(Document document) {
        List<String> products = document.getList("products", String.class);
        if (products != null) {
            document.put("products", products.stream().sorted().toList());
        }
        return document.toJson();
    }

    private static List<String> physicalNames(String processor, int generation) {
        return ReadModels.COLLECTIONS.get(processor).stream().map(n -> ReadModels.physicalName(n, generation))
                .toList();
    }
}
