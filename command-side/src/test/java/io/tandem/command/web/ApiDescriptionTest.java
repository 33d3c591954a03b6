package io.tandem.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description documents every command endpoint with its security, headers and problem responses. */
@CommandApiTest
class ApiDescriptionTest {

    private static final List<String> PROBLEM_CODES =
            List.of("400", "401", "403", "404", "409", "412", "413", "415", "422", "500");

    @LocalServerPort
    int port;

    @Test
    void documentsEveryCommandEndpointWithSummaryHeadersAndProblemResponses() {
        JsonNode api = new ApiClient(port).anonymous().get("/v3/api-docs").json();
        List<String> operations = new ArrayList<>();

        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode body = operation.getValue();
            operations.add(name);
            assertThat(body.path("summary").asText()).as("summary of %s", name).isNotBlank();
            assertThat(body.path("description").asText()).as("who may call %s", name)
                    .satisfiesAnyOf(text -> assertThat(text).contains("Who may decide"),
                            text -> assertThat(text).contains("Any signed-in user"));
            assertThat(body.path("parameters").findValuesAsText("name"))
                    .as("headers of %s", name).contains("If-Match", "Idempotency-Key", "X-Correlation-Id");
            JsonNode responses = body.path("responses");
            assertThat(responses.has("200") || responses.has("201")).as("success of %s", name).isTrue();
            for (String code : PROBLEM_CODES) {
                assertThat(responses.path(code).path("content").has("application/problem+json"))
                        .as("%s of %s", code, name).isTrue();
            }
        }));

        assertThat(operations).hasSize(21).allMatch(operation -> operation.contains(" /api/products"));
    }

    @Test
    void declaresBasicAndBearerSecurity() {
        JsonNode api = new ApiClient(port).anonymous().get("/v3/api-docs").json();

        JsonNode schemes = api.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(api.path("security").toString()).contains("basicAuth", "bearerAuth");
        assertThat(api.path("info").path("description").asText()).contains("Idempotency-Key", "If-Match");
    }
}
