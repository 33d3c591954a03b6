package io.tandem.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Command side and query side as separate processes on one store: a command sent over HTTP to the command side
 * reaches a STOMP subscriber of the query side; who may not see a product gets nothing of it.
 */
class LiveDashboardEndToEndTest {

    /** How long a decision may take from the command's HTTP request to the subscriber's screen. */
    private static final Duration PUSH_BOUND = Duration.ofMillis(1500);

    private static TandemSystem system;
    private static Api commands;
    private static String ws;

    @BeforeAll
    static void startTandem() throws Exception {
        system = TandemSystem.get();
        commands = new Api(system.commandSide.baseUrl());
        ws = "ws://127.0.0.1:" + system.querySide.port() + "/ws";
    }

    @Test
    void aCommandSentOverHttpReachesTheSubscribedDashboardWithinTheBound() throws Exception {
        String productId = commands.post("pm", "/api/products", "{\"name\":\"Live " + UUID.randomUUID() + "\"}")
                                   .get("id").asText();
        String dashboard = "/topic/products/" + productId + "/dashboard";
        try (LiveClient live = new LiveClient().connect(ws, "pm")) {
            awaitMembership(live, "pm", productId, dashboard);
            String title = "Pushed " + UUID.randomUUID();

            long sentAt = System.currentTimeMillis();
            commands.post("pm", "/api/products/" + productId + "/roadmap-items",
                          "{\"title\":\"" + title + "\",\"horizon\":\"NOW\",\"rationale\":\"e2e\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> firstShowing(live, dashboard, title) != null);
            LiveClient.Received push = firstShowing(live, dashboard, title);
            System.out.printf("command -> dashboard push across processes: %d ms%n", push.receivedAtMillis() - sentAt);
            assertThat(push.receivedAtMillis() - sentAt).as("ms from command to push")
                                                        .isLessThan(PUSH_BOUND.toMillis());
            assertThat(push.payload().get("version").asLong())
                    .isGreaterThan(live.on(dashboard).get(0).payload().get("version").asLong());
            assertThat(live.errors).isEmpty();
        }
    }

    @Test
    void aViewerOfAnotherProductIsRefusedOnSubscribeAndReceivesNothingOfIt() throws Exception {
        String secret = commands.post("pm", "/api/products", "{\"name\":\"Secret " + UUID.randomUUID() + "\"}")
                                .get("id").asText();
        String own = commands.post("po", "/api/products", "{\"name\":\"Open " + UUID.randomUUID() + "\"}")
                             .get("id").asText();
        commands.post("po", "/api/products/" + own + "/members/viewer/roles", "{\"role\":\"VIEWER\"}");
        String secretDashboard = "/topic/products/" + secret + "/dashboard";
        String ownDashboard = "/topic/products/" + own + "/dashboard";

        try (LiveClient allowed = new LiveClient().connect(ws, "viewer")) {
            awaitMembership(allowed, "viewer", own, ownDashboard);
        }
        try (LiveClient viewer = new LiveClient().connect(ws, "viewer")) {
            viewer.subscribe(secretDashboard);
            await().atMost(Duration.ofSeconds(10)).until(() -> !viewer.errors.isEmpty() || !viewer.connected());

            commands.post("pm", "/api/products/" + secret + "/roadmap-items",
                          "{\"title\":\"Hidden\",\"horizon\":\"NOW\",\"rationale\":\"e2e\"}");
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                   .until(() -> viewer.on(secretDashboard).isEmpty());
        }
    }

    @Test
    void aConnectWithoutOrWithWrongCredentialsIsRefused() {
        for (String user : new String[] {null, "nobody"}) {
            LiveClient client = new LiveClient();
            AtomicBoolean refused = new AtomicBoolean();
            try {
                client.connect(ws, user);
            } catch (Exception e) {
                refused.set(true);
            }
            await().atMost(Duration.ofSeconds(10))
                   .until(() -> refused.get() || !client.errors.isEmpty() || !client.connected());
            client.close();
        }
    }

    /**
     * Subscribes once the query side knows the user is a member (its membership projection may lag the command by a
     * poll) and waits for the current dashboard, which every subscriber gets at once.
     */
    private static void awaitMembership(LiveClient live, String user, String productId, String dashboard) {
        Api queries = new Api(system.querySide.baseUrl());
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
               .until(() -> queries.get(user, "/api/products/" + productId + "/dashboard") != null);
        live.subscribe(dashboard);
        await().atMost(Duration.ofSeconds(5)).until(() -> !live.on(dashboard).isEmpty());
    }

    private static LiveClient.Received firstShowing(LiveClient live, String destination, String text) {
        return live.on(destination).stream().filter(r -> r.payload().toString().contains(text)).findFirst()
                   .orElse(null);
    }

}
