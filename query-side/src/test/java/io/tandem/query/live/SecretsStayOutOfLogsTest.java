package io.tandem.query.live;

import static io.tandem.support.testing.LoggedSecrets.CUSTOMER_EMAIL;
import static io.tandem.support.testing.LoggedSecrets.CUSTOMER_NAME;
import static io.tandem.support.testing.LoggedSecrets.PASSWORD;
import static io.tandem.support.testing.LoggedSecrets.TOKEN;
import static io.tandem.support.testing.LoggedSecrets.WRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.Urgency;
import io.tandem.query.QuerySideApplication;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.support.personaldata.CustomerContact;
import io.tandem.support.personaldata.PersonalDataVault;
import io.tandem.support.testing.LoggedSecrets;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * A realistic session on the query side with the logs at DEBUG for io.tandem (INFO elsewhere), start-up included:
 * sign-ins over HTTP and STOMP with the right and wrong passwords, a bearer token, a feedback inbox that shows a
 * customer's contact details to the product manager. No password, token, credential or personal data is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

    @Test
    void noPasswordTokenOrCustomerDataIsLogged(CapturedOutput output) {
        ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run(LoggedSecrets.serviceArguments());
        try {
            session(querySide);
        } finally {
            querySide.close();
        }

        LoggedSecrets.assertNoneIn(output.getAll());
    }

    private static void session(ConfigurableApplicationContext querySide) {
        int port = ((ServletWebServerApplicationContext) querySide).getWebServer().getPort();
        Api ada = new Api(port).as("ada", PASSWORD);
        EventStore eventStore = querySide.getBean(EventStore.class);
        ProductHistory product = ProductHistory.create(eventStore, "Logged", "ada");
        String feedback = UUID.randomUUID().toString();
        var sealed = querySide.getBean(PersonalDataVault.class).seal(product.productId(), "cust-7",
                new CustomerContact(CUSTOMER_NAME, CUSTOMER_EMAIL));
        eventStore.publish(new GenericDomainEventMessage<>("FeedbackItem", feedback, 0,
                new FeedbackReceivedEvent(product.productId(), feedback, FeedbackChannel.EMAIL, "cust-7",
                        "Please add SSO", Urgency.HIGH, sealed),
                MetaData.with("actor", "ada").and("role", "PRODUCT_MANAGER")));
        String inbox = "/api/products/" + product.productId() + "/feedback";
        await().atMost(Duration.ofSeconds(15)).until(() -> ada.get(inbox).text().contains(CUSTOMER_EMAIL));

        assertThat(new Api(port).as("ada", WRONG_PASSWORD).get(inbox).status()).isEqualTo(401);
        assertThat(new Api(port).as("mallory", PASSWORD).get("/api/products").status()).isEqualTo(401);
        try (StompProbe right = StompProbe.attempt(port, login("ada", PASSWORD), new WebSocketHttpHeaders());
                StompProbe wrong = StompProbe.attempt(port, login("ada", WRONG_PASSWORD), new WebSocketHttpHeaders());
                StompProbe bearer = StompProbe.attempt(port, StompProbe.authorization("Bearer " + TOKEN),
                        new WebSocketHttpHeaders())) {
            right.subscribe(LiveTestSupport.dashboardTopic(product.productId()));
            assertThat(wrong.awaitError()).startsWith("Authentication failed");
            assertThat(bearer.awaitError()).startsWith("Authentication failed");
            await().atMost(Duration.ofSeconds(10)).until(() -> !right.allReceived().isEmpty());
        }
    }

    private static StompHeaders login(String user, String password) {
        StompHeaders headers = new StompHeaders();
        headers.setLogin(user);
        headers.setPasscode(password);
        return headers;
    }
}
