package io.tandem.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Brute-force protection with the real limits (10 failures a minute): each test is its own clients, on its own
 * loopback address and usernames, so the tests do not limit each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tandem.store.embedded.enabled=true",
        "tandem.store.embedded.backend=memory",
        "tandem.store.embedded.port=0",
        "tandem.demo.seed=false"})
@ActiveProfiles("demo")
class LoginRateLimitTest {

    private static final String PRODUCT = "{\"name\":\"Guarded\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void theEleventhAttemptIsRefusedWithRetryAfterEvenWithTheRightPasswordWhileAnotherUserSignsIn() throws Exception {
        RawHttp http = new RawHttp(port);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(http.post("127.0.0.2", "/api/products", RawHttp.basic("po", "guess" + attempt), PRODUCT)
                    .status()).as("attempt %d", attempt).isEqualTo(401);
        }

        RawHttp.Answer eleventh = http.post("127.0.0.2", "/api/products", RawHttp.basic("po", "guess11"), PRODUCT);
        RawHttp.Answer rightPasswordSameAddress = http.post("127.0.0.2", "/api/products",
                RawHttp.basic("po", "demo"), PRODUCT);
        RawHttp.Answer rightPasswordElsewhere = http.post("127.0.0.4", "/api/products",
                RawHttp.basic("po", "demo"), PRODUCT);
        RawHttp.Answer anotherUser = http.post("127.0.0.4", "/api/products", RawHttp.basic("viewer", "demo"), PRODUCT);

        assertRateLimited(eleventh);
        assertRateLimited(rightPasswordSameAddress);
        assertRateLimited(rightPasswordElsewhere);
        assertThat(anotherUser.status()).as("%s", anotherUser).isEqualTo(201);
    }

    @Test
    void anAddressIsLimitedWhateverUsernamesItTriesAndASuccessElsewhereDoesNotFreeIt() throws Exception {
        RawHttp http = new RawHttp(port);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(http.post("127.0.0.3", "/api/products", RawHttp.basic("mallory" + attempt, "x"), PRODUCT)
                    .status()).isEqualTo(401);
        }

        RawHttp.Answer successElsewhere = http.post("127.0.0.5", "/api/products",
                RawHttp.basic("contributor", "demo"), PRODUCT);
        RawHttp.Answer sameAddress = http.post("127.0.0.3", "/api/products", RawHttp.basic("contributor", "demo"),
                PRODUCT);

        assertThat(successElsewhere.status()).as("%s", successElsewhere).isEqualTo(201);
        assertRateLimited(sameAddress);
    }

    private static void assertRateLimited(RawHttp.Answer answer) throws Exception {
        assertThat(answer.status()).as("%s", answer).isEqualTo(429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:tandem:problem:rate-limited");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).contains("try again in " + retryAfter + " seconds");
    }
}
