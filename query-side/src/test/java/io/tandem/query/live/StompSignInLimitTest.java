package io.tandem.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.query.web.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.socket.WebSocketHttpHeaders;

/** Wrong passwords on STOMP CONNECT count towards the sign-in limit HTTP shares, with the real limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tandem.store.embedded.enabled=true",
        "tandem.store.embedded.backend=memory",
        "tandem.store.embedded.port=0"})
@ActiveProfiles("demo")
class StompSignInLimitTest {

    @LocalServerPort
    int port;

    @Test
    void afterTenWrongPasswordsTheRightOneIsRefusedOnConnectAndOverHttp() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            try (StompProbe wrong = StompProbe.attempt(port, StompProbe.authorization(Api.basic("po", "guess" + attempt)),
                    new WebSocketHttpHeaders())) {
                assertThat(wrong.awaitError()).as("attempt %d", attempt).startsWith("Authentication failed");
            }
        }

        try (StompProbe right = StompProbe.attempt(port, StompProbe.authorization(Api.basic("po", "demo")),
                new WebSocketHttpHeaders())) {
            assertThat(right.awaitError()).startsWith("Too many failed sign-ins; try again in");
            right.awaitClosedByServer();
        }
        Api.Response overHttp = new Api(port).as("po").get("/api/products");
        assertThat(overHttp.status()).isEqualTo(429);
        assertThat(overHttp.header("Content-Type")).startsWith("application/problem+json");
        assertThat(overHttp.json().path("type").asText()).isEqualTo("urn:tandem:problem:rate-limited");
        assertThat(Long.parseLong(overHttp.header("Retry-After"))).isBetween(1L, 60L);
    }
}
