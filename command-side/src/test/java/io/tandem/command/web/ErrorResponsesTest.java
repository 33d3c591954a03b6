package io.tandem.command.web;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of client error is a problem document with a stable type, and appends nothing. */
@CommandApiTest
class ErrorResponsesTest extends CommandApiFixture {

    String productId;

    @BeforeEach
    void setUp() {
        productId = new Scenario(api).productWithTeam();
    }

    @Test
    void rejectsMalformedJsonAsMalformedRequest() {
        appendsNothing(() -> assertProblem(api.as("pm").post("/api/products", "{\"name\": "),
                400, "malformed-request"));
    }

    @Test
    void rejectsUnknownEnumValueAsMalformedRequestNamingTheAllowedValues() {
        JsonNode problem = appendsNothing(() -> assertProblem(api.as("pm").post(
                "/api/products/" + productId + "/roadmap-items", "{\"title\":\"x\",\"horizon\":\"SOON\"}"),
                400, "malformed-request"));
        assertThat(problem.path("detail").asText()).contains("horizon").contains("NOW, NEXT, LATER");
    }

    @Test
    void rejectsInvalidFieldsAsValidationListingEachField() {
        String tooLong = "x".repeat(201);
        JsonNode problem = appendsNothing(() -> assertProblem(api.as("pm").post(
                "/api/products/" + productId + "/roadmap-items", "{\"title\":\"" + tooLong + "\"}"),
                400, "validation"));
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "horizon");
    }

    @Test
    void rejectsMissingBodyAsMalformedRequest() {
        appendsNothing(() -> assertProblem(api.as("pm").post("/api/products", ""), 400, "malformed-request"));
    }

    @Test
    void answersUnknownProductWithNotFound() {
        appendsNothing(() -> assertProblem(api.as("pm").put("/api/products/no-such-product/vision",
                "{\"vision\":\"v\"}"), 404, "not-found"));
    }

    @Test
    void answersNonMemberWithNotFoundRatherThanForbidden() {
        String othersProduct = new Scenario(api).product("po");
        appendsNothing(() -> assertProblem(api.as("pm").put("/api/products/" + othersProduct + "/vision",
                "{\"vision\":\"mine now\"}"), 404, "not-found"));
    }

    @Test
    void forbidsViewerToPlanARoadmapItem() {
        appendsNothing(() -> assertProblem(api.as("viewer").post("/api/products/" + productId + "/roadmap-items",
                "{\"title\":\"x\",\"horizon\":\"NOW\"}"), 403, "forbidden"));
    }

    @Test
    void forbidsProductManagerToReprioritizeTheBacklog() {
        Scenario scenario = new Scenario(api);
        scenario.backlogItem(productId);
        String second = scenario.backlogItem(productId);
        appendsNothing(() -> assertProblem(api.as("pm").post("/api/products/" + productId + "/backlog-items/"
                + second + "/reprioritize", "{\"toPosition\":1,\"rationale\":\"more urgent\"}"), 403, "forbidden"));
    }

    @Test
    void refusesToRevokeTheLastProductManagerAsBusinessRule() {
        appendsNothing(() -> assertProblem(api.as("pm").delete("/api/products/" + productId
                + "/members/pm/roles/PRODUCT_MANAGER"), 409, "business-rule"));
    }

    @Test
    void refusesStaleIfMatchAsPreconditionFailed() {
        long current = new Scenario(api).version(productId);
        appendsNothing(() -> assertProblem(api.as("pm").header("If-Match", "\"" + (current - 1) + "\"")
                .put("/api/products/" + productId + "/vision", "{\"vision\":\"stale\"}"), 412, "precondition-failed"));
    }

    @Test
    void rejectsMalformedIfMatch() {
        appendsNothing(() -> assertProblem(api.as("pm").header("If-Match", "W/\"abc\"")
                .put("/api/products/" + productId + "/vision", "{\"vision\":\"v\"}"), 400, "malformed-request"));
    }

    @Test
    void rejectsBodyOverTheLimitByContentLength() {
        String huge = "{\"vision\":\"" + "x".repeat(70 * 1024) + "\"}";
        appendsNothing(() -> assertProblem(api.as("pm").put("/api/products/" + productId + "/vision", huge),
                413, "payload-too-large"));
    }

    @Test
    void rejectsChunkedBodyOverTheLimitWhileReading() {
        byte[] huge = ("{\"vision\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        appendsNothing(() -> assertProblem(api.as("pm").header("Content-Type", "application/json")
                .send("PUT", "/api/products/" + productId + "/vision",
                        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), null),
                413, "payload-too-large"));
    }

    @Test
    void rejectsPlainTextBodyAsUnsupportedMediaType() {
        appendsNothing(() -> assertProblem(api.as("pm").header("Content-Type", "text/plain")
                .put("/api/products/" + productId + "/vision", "new vision"), 415, "unsupported-media-type"));
    }

    @Test
    void rejectsUnsupportedMethodAsMethodNotAllowed() {
        appendsNothing(() -> assertProblem(api.as("pm").delete("/api/products/" + productId + "/vision"),
                405, "method-not-allowed"));
    }

    @Test
    void answersUnacceptableAcceptHeaderWithProblem() {
        appendsNothing(() -> assertProblem(api.as("pm").header("Accept", "text/csv")
                .put("/api/products/" + productId + "/vision", "{\"vision\":\"v\"}"), 406, "not-acceptable"));
    }

    @Test
    void answersUnknownPathWithNotFound() {
        appendsNothing(() -> assertProblem(api.as("pm").post("/api/nothing-here", "{}"), 404, "not-found"));
    }

    @Test
    void answersFeedbackAddressedThroughAnotherProductWithNotFound() {
        String feedbackId = new Scenario(api).feedback(productId);
        String otherProduct = new Scenario(api).product("pm");
        appendsNothing(() -> assertProblem(api.as("pm").post("/api/products/" + otherProduct + "/feedback/"
                + feedbackId + "/triage", "{\"outcome\":\"DECLINED\",\"rationale\":\"out of scope\"}"),
                404, "not-found"));
    }

    @Test
    void rendersDomainShapeRuleAsValidation() {
        appendsNothing(() -> assertProblem(api.as("po").post("/api/products/" + productId + "/backlog-items",
                "{\"title\":\"x\",\"kind\":\"BUG\",\"position\":99}"), 400, "validation"));
    }

    private <T> T appendsNothing(Supplier<T> request) {
        long before = events.count();
        T result = request.get();
        assertThat(events.count()).as("events appended by a refused request").isEqualTo(before);
        return result;
    }
}
