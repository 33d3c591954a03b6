package io.tandem.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.command.CommandSideApplication;
import io.tandem.command.web.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A realistic session with the logs at DEBUG for io.tandem (INFO elsewhere), start-up included: sign-ins with the
 * right and wrong passwords, a bearer token, feedback with a customer's contact details (accepted and refused ones),
 * the customer forgotten. No password, token, credential or customer personal data appears in any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

    static final String PASSWORD = "Kx9-moonlit-Quarry-41";
    static final String WRONG_PASSWORD = "Zq7-sunken-Harbor-03";
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEiLCJ0ZW5hbnQiOiJ0YW5kZW0ifQ.c2lnbmF0dXJlLXh5ejEyMw";
    static final String CUSTOMER_NAME = "Zoë Lindqvist-Marchetti";
    static final String CUSTOMER_EMAIL = "zoe.lindqvist@example.org";

    @Test
    void noPasswordTokenOrCustomerDataIsLogged(CapturedOutput output) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        ConfigurableApplicationContext commandSide = new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--tandem.store.embedded.enabled=true",
                "--tandem.store.embedded.backend=memory",
                "--tandem.store.embedded.port=0",
                "--tandem.security.users[0].username=ada",
                "--tandem.security.users[0].password=" + hash,
                "--logging.level.io.tandem=DEBUG");
        try {
            session(new ApiClient(((ServletWebServerApplicationContext) commandSide).getWebServer().getPort()));
        } finally {
            commandSide.close();
        }

        assertThat(output.getAll()).contains("Tomcat started on port");
        for (String secret : List.of(PASSWORD, WRONG_PASSWORD, TOKEN, basic(PASSWORD), basic(WRONG_PASSWORD),
                CUSTOMER_NAME, "Lindqvist", CUSTOMER_EMAIL)) {
            assertThat(output.getAll()).as("logs contain %s", secret).doesNotContain(secret);
        }
    }

    private static void session(ApiClient api) {
        ApiClient.Call ada = api.anonymous().header("Authorization", basic(PASSWORD));
        String productId = ada.post("/api/products", "{\"name\":\"Logged\"}").id();
        String path = "/api/products/" + productId;
        assertThat(api.anonymous().header("Authorization", basic(WRONG_PASSWORD)).post("/api/products",
                "{\"name\":\"Guess\"}").status()).isEqualTo(401);
        assertThat(api.as("mallory", PASSWORD).post("/api/products", "{\"name\":\"Guess\"}").status()).isEqualTo(401);
        assertThat(api.anonymous().header("Authorization", "Bearer " + TOKEN).post("/api/products",
                "{\"name\":\"Token\"}").status()).isEqualTo(401);
        String contact = "\"customer\":{\"name\":\"" + CUSTOMER_NAME + "\",\"email\":\"" + CUSTOMER_EMAIL + "\"}";
        assertThat(ada.post(path + "/feedback", "{\"channel\":\"EMAIL\",\"customerReference\":\"cust-7\","
                + "\"text\":\"Please add SSO\",\"urgency\":\"HIGH\"," + contact + "}").status()).isEqualTo(201);
        assertThat(ada.post(path + "/feedback", "{\"channel\":\"EMAIL\",\"text\":\"No reference\","
                + "\"urgency\":\"HIGH\"," + contact + "}").status()).isEqualTo(400);
        assertThat(ada.post(path + "/feedback", "{\"channel\":\"EMAIL\",\"customerReference\":\"cust-7\","
                + "\"text\":\"Bad mail\",\"urgency\":\"HIGH\",\"customer\":{\"name\":\"" + CUSTOMER_NAME
                + "\",\"email\":\"" + CUSTOMER_EMAIL + "@\"}}").status()).isEqualTo(400);
        assertThat(ada.post(path + "/feedback", "{\"channel\":\"EMAIL\",\"customerReference\":\"" + CUSTOMER_EMAIL
                + "\",\"text\":\"Mail as reference\",\"urgency\":\"HIGH\"}").status()).isEqualTo(400);
        assertThat(ada.post(path + "/customers/cust-7/forget", null).status()).isEqualTo(200);
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("ada:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
