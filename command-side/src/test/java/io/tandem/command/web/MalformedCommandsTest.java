package io.tandem.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tandem.command.CommandSideApplication;
import io.tandem.support.testing.HeavyRuns;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Thousands of requests every command endpoint must refuse (bad bodies, ids, headers, sizes, types, methods; see
 * {@link BadRequests}), to endpoints read from the API description: each is answered with a 4xx problem, never a
 * 5xx; the store keeps every byte it had, and the service stays healthy. The endpoints come from
 * {@code /v3/api-docs}, so a new one is fuzzed without being listed here. The examples are the refusals this test
 * found missing.
 */
@AddLifecycleHook(HeavyRuns.class)
class MalformedCommandsTest {

    static ConfigurableApplicationContext commandSide;
    static ApiClient api;
    static MongoDatabase database;
    static BadRequests badRequests;
    static Map<String, String> storeBefore;
    static String productId;

    @BeforeContainer
    static void start() {
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class).profiles("demo").run(
                "--server.port=0",
                "--tandem.store.embedded.enabled=true",
                "--tandem.store.embedded.backend=memory",
                "--tandem.store.embedded.port=0",
                "--tandem.demo.seed=false",
                "--logging.level.root=WARN");
        api = new ApiClient(((ServletWebServerApplicationContext) commandSide).getWebServer().getPort());
        database = commandSide.getBean(MongoDatabase.class);
        Scenario scenario = new Scenario(api);
        productId = scenario.productWithTeam();
        scenario.grant(productId, "pm", "PRODUCT_OWNER");
        String roadmapItem = scenario.roadmapItem(productId, "NOW");
        Map<String, String> valid = Map.of(
                "productId", productId,
                "roadmapItemId", roadmapItem,
                "backlogItemId", scenario.backlogItem(productId),
                "objectiveId", scenario.objective(productId),
                "feedbackId", scenario.feedback(productId),
                "userId", "viewer",
                "role", "VIEWER",
                "customerReference", "cust-42");
        List<DescribedEndpoint> endpoints = DescribedEndpoint.all(api.anonymous().get("/v3/api-docs").json());
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(21);
        badRequests = new BadRequests(endpoints, valid, ApiClient.basic("pm", "demo"));
        storeBefore = StoreFingerprint.of(database);
    }

    @AfterContainer
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Property(tries = 2000)
    void everyMalformedCommandIsRefusedWithAProblemAndStoresNothing(@ForAll("badRequests") BadRequest request) {
        Statistics.label("defect").collect(request.defect().replaceAll("[:(=].*|\\s\\d.*", ""));
        ApiClient.Response response = send(request);

        assertThat(response.status()).as("%s\n→ %s", request, response).isBetween(400, 499);
        assertThat(response.contentType()).as("%s\n→ %s", request, response).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).as("%s\n→ %s", request, response)
                .startsWith("urn:tandem:problem:");
        assertThat(StoreFingerprint.of(database)).as("store after %s\n→ %s", request, response)
                .isEqualTo(storeBefore);
        ApiClient.Response health = api.anonymous().get("/actuator/health");
        assertThat(health.status()).as("health after %s", request).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Example
    void anEnumConstantIsNotItsOrdinal() {
        assertRefusedWithoutTrace(() -> api.as("pm").post(productPath("/members/viewer/roles"), "{\"role\":0}"), 400);
    }

    @Example
    void anEnumConstantWithAControlCharacterIsNoConstant() {
        assertRefusedWithoutTrace(() -> api.as("pm").post(productPath("/roadmap-items"),
                "{\"title\":\"Sneaky\",\"horizon\":\"\\u0000NOW\"}"), 400);
    }

    @Example
    void aTextWithNulOrABidiOverrideIsRefused() {
        assertRefusedWithoutTrace(() -> api.as("pm").put(productPath("/vision"), "{\"vision\":\"\\u0000Plan\"}"), 400);
        assertRefusedWithoutTrace(() -> api.as("pm").put(productPath("/vision"),
                "{\"vision\":\"Ship \\u202eredro\"}"), 400);
    }

    @Example
    void aPositionIsAWholeNumber() {
        assertRefusedWithoutTrace(() -> api.as("pm").post(productPath("/backlog-items"),
                "{\"title\":\"Half\",\"kind\":\"STORY\",\"position\":1.5}"), 400);
    }

    @Example
    void nothingMayFollowTheJsonBody() {
        assertRefusedWithoutTrace(() -> api.as("pm").post("/api/products", "{\"name\":\"Twice\"}}"), 400);
    }

    @Example
    void aFieldNamedTwiceIsMalformedNotAServerError() {
        assertRefusedWithoutTrace(() -> api.as("pm").post(productPath("/members/viewer/roles"),
                "{\"role\":\"PRODUCT_MANAGER\",\"role\":\"VIEWER\"}"), 400);
    }

    @Example
    void anEncodedSlashInAnIdIsAProblemNotTomcatsErrorPage() {
        assertRefusedWithoutTrace(() -> api.as("pm").put("/api/products/a%2Fb/vision", "{\"vision\":\"x\"}"), 400);
    }

    private static String productPath(String suffix) {
        return "/api/products/" + productId + suffix;
    }

    private static void assertRefusedWithoutTrace(Supplier<ApiClient.Response> request, int status) {
        Map<String, String> before = StoreFingerprint.of(database);

        ApiClient.Response response = request.get();

        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(StoreFingerprint.of(database)).isEqualTo(before);
    }

    @Provide
    Arbitrary<BadRequest> badRequests() {
        return badRequests.any();
    }

    static ApiClient.Response send(BadRequest request) {
        ApiClient.Call call = api.anonymous();
        request.headers().forEach(call::header);
        if (request.contentType() != null) {
            call.header("Content-Type", request.contentType());
        }
        BodyPublisher body = request.body() == null ? BodyPublishers.noBody()
                : request.chunked() ? BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(request.body()))
                : BodyPublishers.ofByteArray(request.body());
        return call.send(request.method(), request.path(), body, null);
    }
}
