package io.tandem.command.security;

import static io.tandem.command.web.Problem.assertProblem;

import io.tandem.command.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without the demo profile there are no built-in users: the demo password opens nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tandem.store.embedded.enabled=true",
        "tandem.store.embedded.backend=memory",
        "tandem.store.embedded.port=0"})
class NoConfiguredUsersTest {

    @LocalServerPort
    int port;

    @Test
    void demoUsersCannotSignInOutsideTheDemoProfile() {
        assertProblem(new ApiClient(port).as("pm").post("/api/products", "{\"name\":\"Nope\"}"), 401, "unauthorized");
    }
}
