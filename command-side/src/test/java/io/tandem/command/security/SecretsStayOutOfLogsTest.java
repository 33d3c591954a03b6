package io.tandem.command.security;

import static io.tandem.support.testing.LoggedSecrets.CUSTOMER_EMAIL;
import static io.tandem.support.testing.LoggedSecrets.CUSTOMER_NAME;
import static io.tandem.support.testing.LoggedSecrets.PASSWORD;
import static io.tandem.support.testing.LoggedSecrets.TOKEN;
import static io.tandem.support.testing.LoggedSecrets.WRONG_PASSWORD;
import static io.tandem.support.testing.LoggedSecrets.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.command.CommandSideApplication;
import io.tandem.command.web.ApiClient;
import io.tandem.support.testing.LoggedSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A realistic session with the logs at DEBUG for io.tandem (INFO elsewhere), start-up included: sign-ins with the
 * right and wrong passwords, a bearer token, feedback with a customer's contact details (accepted and refused ones),
 * the customer forgotten. No password, token, credential or customer personal data appears in any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

    @Test
    void noPasswordTokenOrCustomerDataIsLogged(CapturedOutput output) {
        ConfigurableApplicationContext commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .run(LoggedSecrets.serviceArguments());
        try {
            session(new ApiClient(((ServletWebServerApplicationContext) commandSide).getWebServer().getPort()));
        } finally {
            commandSide.close();
        }

        LoggedSecrets.assertNoneIn(output.getAll());
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
}
