package io.tandem.query.live;

import static io.tandem.query.live.LiveTestSupport.awaitDashboard;
import static io.tandem.query.live.LiveTestSupport.dashboardTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.events.Horizon;
import io.tandem.events.Role;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

@QuerySideTest
class LiveSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    Api api;
    ProductHistory product;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        product = ProductHistory.create(eventStore, "Guarded", "pm");
        awaitDashboard(api, product.productId(), dashboard -> true);
    }

    @Test
    void aConnectWithoutCredentialsIsRefusedAndClosed() {
        try (StompProbe anonymous = StompProbe.attempt(port, new StompHeaders(), new WebSocketHttpHeaders())) {
            assertThat(anonymous.awaitError()).startsWith("Authentication failed");
            anonymous.awaitClosedByServer();
            assertThat(anonymous.session()).isCompletedExceptionally();
        }
    }

    @Test
    void aConnectWithAWrongPasswordIsRefused() {
        try (StompProbe wrong = StompProbe.attempt(port, StompProbe.authorization(Api.basic("pm", "guess")),
                new WebSocketHttpHeaders())) {
            assertThat(wrong.awaitError()).startsWith("Authentication failed");
            assertThat(wrong.session()).failsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void loginAndPasscodeHeadersAreAcceptedToo() {
        StompHeaders headers = new StompHeaders();
        headers.setLogin("pm");
        headers.setPasscode("demo");
        String topic = dashboardTopic(product.productId());
        try (StompProbe pm = StompProbe.attempt(port, headers, new WebSocketHttpHeaders())) {
            pm.subscribe(topic);

            await().atMost(Duration.ofSeconds(5)).until(() -> !pm.bodies(topic).isEmpty());
        }
    }

    @Test
    void aMemberOfAnotherProductCannotSubscribeAndGetsNothing() {
        ProductHistory other = ProductHistory.create(eventStore, "Theirs", "po");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.as("po").get("/api/products/" + other.productId() + "/dashboard").status() == 200);
        String topic = dashboardTopic(product.productId());
        try (StompProbe po = StompProbe.connect(port, "po")) {
            po.subscribe(topic);

            String refusal = po.awaitRefusal();
            if (refusal != null) {
                assertThat(refusal).contains("You cannot subscribe");
            }
            product.planRoadmapItem("Not for po", Horizon.NOW);
            awaitDashboard(api, product.productId(), dashboard -> dashboard.at("/roadmap/now").size() == 1);
            assertThat(po.allReceived()).isEmpty();
        }
    }

    @Test
    void onlyTheProductTopicsCanBeSubscribed() {
        for (String destination : new String[] {"/topic/products", "/topic/products/" + product.productId(),
                "/topic/products/" + product.productId() + "/secrets", "/user/queue/errors", "/app/anything"}) {
            try (StompProbe pm = StompProbe.connect(port, "pm")) {
                pm.subscribe(destination);

                String refusal = pm.awaitRefusal();
                if (refusal != null) {
                    assertThat(refusal).as(destination).startsWith("Unknown destination");
                }
                assertThat(pm.allReceived()).as(destination).isEmpty();
            }
        }
    }

    @Test
    void clientsCannotSendAnything() {
        String topic = dashboardTopic(product.productId());
        try (StompProbe watcher = StompProbe.connect(port, "pm"); StompProbe sender = StompProbe.connect(port, "pm")) {
            watcher.subscribe(topic);
            await().atMost(Duration.ofSeconds(5)).until(() -> !watcher.bodies(topic).isEmpty());

            sender.awaitConnected().send(topic, "{\"version\":999999}".getBytes(StandardCharsets.UTF_8));

            assertThat(sender.awaitError()).contains("cannot send");
            sender.awaitClosedByServer();
            product.planRoadmapItem("Real change", Horizon.NOW);
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.bodies(topic).stream()
                    .anyMatch(dashboard -> dashboard.at("/roadmap/now/0/title").asText().equals("Real change")));
            assertThat(watcher.bodies(topic)).noneMatch(dashboard -> dashboard.get("version").asLong() == 999999);
        }
    }

    @Test
    void aFrameOverEightKibibytesIsRefusedWhileALargeOneWithinTheLimitIsNot() {
        String topic = dashboardTopic(product.productId());
        try (StompProbe within = StompProbe.connect(port, "pm"); StompProbe over = StompProbe.connect(port, "pm")) {
            within.subscribe(padded(topic, 6 * 1024));
            await().atMost(Duration.ofSeconds(5)).until(() -> !within.bodies(topic).isEmpty());

            over.subscribe(padded(topic, 9 * 1024));

            assertThat(over.awaitError()).contains("larger than 8192 bytes");
            over.awaitClosedByServer();
            assertThat(over.allReceived()).isEmpty();
        }
    }

    @Test
    void aHandshakeFromAForeignOriginIsRefusedAndAConfiguredOriginIsAccepted() {
        WebSocketHttpHeaders foreign = new WebSocketHttpHeaders();
        foreign.setOrigin("http://evil.example");
        WebSocketHttpHeaders configured = new WebSocketHttpHeaders();
        configured.setOrigin("http://localhost:8080");
        StompHeaders credentials = StompProbe.authorization(Api.basic("pm", "demo"));

        try (StompProbe refused = StompProbe.attempt(port, credentials, foreign);
                StompProbe accepted = StompProbe.attempt(port, credentials, configured)) {
            assertThat(refused.session()).failsWithin(Duration.ofSeconds(10));
            assertThat(accepted.awaitConnected().isConnected()).isTrue();
        }
    }

    private static StompHeaders padded(String destination, int bytes) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.add("x-padding", "x".repeat(bytes));
        return headers;
    }
}
