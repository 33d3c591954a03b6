package io.tandem.command.security;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.command.web.ApiClient;
import io.tandem.command.web.CommandApiFixture;
import io.tandem.command.web.CommandApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** HTTP Basic against the demo users; everything under /api needs it, health and the API docs do not. */
@CommandApiTest
class ApiAuthenticationTest extends CommandApiFixture {

    @Autowired
    MeterRegistry meters;

    @Test
    void rejectsCommandWithoutCredentialsAsUnauthorizedProblem() {
        long before = events.count();

        ApiClient.Response response = api.anonymous().post("/api/products", "{\"name\":\"Anonymous\"}");

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"tandem\"");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void rejectsWrongPasswordAsUnauthorizedProblem() {
        long before = events.count();

        ApiClient.Response response = api.as("pm", "not-demo").post("/api/products", "{\"name\":\"Guess\"}");

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void rejectsUnknownUser() {
        assertProblem(api.as("mallory").post("/api/products", "{\"name\":\"Intrusion\"}"), 401, "unauthorized");
    }

    @Test
    void rejectsUnknownApiPathWithoutCredentialsWithoutRevealingIt() {
        assertProblem(api.anonymous().get("/api/whatever"), 401, "unauthorized");
    }

    @Test
    void acceptsDemoUser() {
        assertThat(api.as("viewer").post("/api/products", "{\"name\":\"Viewer's own\"}").status()).isEqualTo(201);
    }

    @Test
    void servesHealthWithoutCredentials() {
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void servesTheApiDescriptionWithoutCredentials() {
        ApiClient.Response response = api.anonymous().get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("info").path("title").asText()).isEqualTo("Tandem command API");
        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void keepsNoSession() {
        ApiClient.Response response = api.as("pm").post("/api/products", "{\"name\":\"Stateless\"}");

        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void observesRequestsButNotSpringSecuritysOwnSteps() {
        assertThat(api.as("pm").post("/api/products", "{\"name\":\"Observed\"}").status()).isEqualTo(201);

        assertThat(meters.find("http.server.requests").tag("uri", "/api/products").tag("method", "POST").timer())
                .as("the request's own timer").isNotNull();
        assertThat(meters.getMeters()).map(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
