package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out for real: one store, one command side and two query-side nodes relaying STOMP through RabbitMQ (which
 * {@code .ci/run} installs and starts on loopback; {@code -Dtandem.rabbitmq.stomp=host:port} points elsewhere). The
 * nodes split the processors' segments; clients on both nodes get every push whichever node made it, and see the
 * watchers of both; when one node is killed, the other takes over its segments and keeps pushing.
 */
class TwoQueryNodesTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> PROCESSORS = List.of("membership", "dashboard", "decision-log",
                                                           "product-history");

    private static EmbeddedMongoServer store;
    private static MongoClient mongo;
    private static ServiceProcess commandSide;
    private static ServiceProcess nodeA;
    private static ServiceProcess nodeB;
    private static final List<LiveClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        String[] rabbit = System.getProperty("tandem.rabbitmq.stomp", "127.0.0.1:61613").split(":");
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(rabbit[0], Integer.parseInt(rabbit[1])), 2000);
        } catch (IOException e) {
            throw new IllegalStateException("This test needs RabbitMQ with its STOMP plugin at " + rabbit[0] + ":"
                    + rabbit[1] + " (.ci/run installs and starts it): " + e);
        }
        store = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("."), "127.0.0.1", 0,
                                          Durability.COMMIT);
        mongo = MongoClients.create(store.connectionString());
        String[] relay = {"--tandem.live.relay.enabled=true", "--tandem.live.relay.host=" + rabbit[0],
                "--tandem.live.relay.port=" + rabbit[1], "--tandem.processing.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
                "--tandem.live.presence-ttl=3s"};
        commandSide = ServiceProcess.start("two-nodes-command-side", "tandem.commandSideJar", store.connectionString());
        nodeA = ServiceProcess.start("two-nodes-query-a", "tandem.querySideJar", store.connectionString(), relay);
        nodeB = ServiceProcess.start("two-nodes-query-b", "tandem.querySideJar", store.connectionString(), relay);
        CompletableFuture.allOf(Stream.of(commandSide, nodeA, nodeB)
                .map(service -> CompletableFuture.runAsync(service::awaitReady))
                .toArray(CompletableFuture[]::new)).join();
    }

    @AfterAll
    static void stop() throws Exception {
        clients.forEach(LiveClient::close);
        for (ServiceProcess service : new ServiceProcess[] {nodeA, nodeB, commandSide}) {
            if (service != null) {
                service.close();
            }
        }
        if (mongo != null) {
            mongo.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void bothNodesDeliverEveryPushAndOneTakesOverWhenTheOtherDies() throws Exception {
        Api commands = new Api(commandSide.baseUrl());
        String productId = commands.post("pm", "/api/products", "{\"name\":\"Two nodes " + UUID.randomUUID() + "\"}")
                                   .get("id").asText();
        commands.post("pm", "/api/products/" + productId + "/members/po/roles", "{\"role\":\"PRODUCT_OWNER\"}");
        String dashboard = "/topic/products/" + productId + "/dashboard";
        String decisions = "/topic/products/" + productId + "/decisions";
        String presence = "/topic/products/" + productId + "/presence";

        await("both nodes hold segments of every processor").atMost(Duration.ofSeconds(60))
                .until(() -> PROCESSORS.stream()
                        .allMatch(processor -> new HashSet<>(owners(processor).values()).size() == 2));

        List<LiveClient> onA = List.of(subscribed(nodeA, "pm", productId, dashboard, decisions, presence),
                                       subscribed(nodeA, "po", productId, dashboard, decisions, presence));
        List<LiveClient> onB = List.of(subscribed(nodeB, "po", productId, dashboard, decisions, presence),
                                       subscribed(nodeB, "pm", productId, dashboard, decisions, presence));

        Set<Long> sent = sendDecisions(commands, productId, "Before takeover", 12);
        for (LiveClient client : concat(onA, onB)) {
            await("every decision on every client of both nodes").atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(positions(client, decisions)).as("%s", client)
                                                                                 .containsAll(sent));
            assertThat(duplicates(client, decisions)).as("a decision delivered twice").isEmpty();
            await("the presence of both nodes' watchers").atMost(Duration.ofSeconds(20))
                    .until(() -> watchers(client, presence).equals(List.of("pm", "po")));
            assertThat(client.errors).isEmpty();
        }

        Map<LiveClient, Long> versionBefore = new HashMap<>();
        onB.forEach(client -> versionBefore.put(client, lastOf(client, dashboard).get("version").asLong()));
        nodeA.kill();
        Set<String> survivors = new HashSet<>();
        await("node B takes over every segment").atMost(CLAIM_TIMEOUT.multipliedBy(3).plusSeconds(20))
                .until(() -> {
                    survivors.clear();
                    PROCESSORS.forEach(processor -> survivors.addAll(owners(processor).values()));
                    return survivors.size() == 1
                            && PROCESSORS.stream().allMatch(processor -> owners(processor).size() == 4);
                });

        Set<Long> afterwards = sendDecisions(commands, productId, "After takeover", 6);
        for (LiveClient client : onB) {
            await("decisions after the takeover").atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(positions(client, decisions)).containsAll(afterwards));
            assertThat(duplicates(client, decisions)).isEmpty();
            await("the dashboard after the takeover").atMost(Duration.ofSeconds(20))
                    .until(() -> lastOf(client, dashboard).toString().contains("After takeover 5"));
            assertThat(lastOf(client, dashboard).get("version").asLong()).isGreaterThan(versionBefore.get(client));
        }
    }

    /** Segment to owner of a processor's claimed tokens, from the Mongo token store. */
    private static Map<Integer, String> owners(String processor) {
        MongoCollection<Document> tokens = mongo.getDatabase("tandem").getCollection("tracking_tokens");
        Map<Integer, String> owners = new HashMap<>();
        for (Document token : tokens.find(new Document("processorName", processor))) {
            if (token.getString("owner") != null) {
                owners.put(token.getInteger("segment"), token.getString("owner"));
            }
        }
        return owners;
    }

    private static LiveClient subscribed(ServiceProcess node, String user, String productId, String... topics)
            throws Exception {
        Api queries = new Api(node.baseUrl());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
               .until(() -> queries.get(user, "/api/products/" + productId + "/dashboard") != null);
        LiveClient client = new LiveClient().connect("ws://127.0.0.1:" + node.port() + "/ws", user);
        clients.add(client);
        for (String topic : topics) {
            client.subscribe(topic);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !client.on(topics[0]).isEmpty());
        return client;
    }

    /**
     * Sends {@code count} commands that each log one decision, and answers the positions of the decisions they
     * logged (read through node B, which lives throughout).
     */
    private static Set<Long> sendDecisions(Api commands, String productId, String title, int count) {
        Api reader = new Api(nodeB.baseUrl());
        String log = "/api/products/" + productId + "/decisions?limit=500";
        Set<Long> before = new HashSet<>();
        reader.get("pm", log).get("entries").forEach(entry -> before.add(entry.get("globalPosition").asLong()));
        for (int i = 0; i < count; i++) {
            commands.post("pm", "/api/products/" + productId + "/roadmap-items",
                          "{\"title\":\"" + title + " " + i + "\",\"horizon\":\"NOW\",\"rationale\":\"scale-out\"}");
        }
        Set<Long> logged = new HashSet<>();
        await("the decisions logged").atMost(Duration.ofSeconds(20)).until(() -> {
            logged.clear();
            reader.get("pm", log).get("entries").forEach(entry -> logged.add(entry.get("globalPosition").asLong()));
            logged.removeAll(before);
            return logged.size() == count;
        });
        return logged;
    }

    private static Set<Long> positions(LiveClient client, String topic) {
        Set<Long> positions = new HashSet<>();
        client.on(topic).forEach(received -> positions.add(received.payload().get("globalPosition").asLong()));
        return positions;
    }

    private static List<Long> duplicates(LiveClient client, String topic) {
        Set<Long> seen = new HashSet<>();
        return client.on(topic).stream().map(received -> received.payload().get("globalPosition").asLong())
                     .filter(position -> !seen.add(position)).toList();
    }

    private static List<String> watchers(LiveClient client, String topic) {
        List<LiveClient.Received> all = client.on(topic);
        if (all.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        all.get(all.size() - 1).payload().get("watchers").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static JsonNode lastOf(LiveClient client, String topic) {
        List<LiveClient.Received> all = client.on(topic);
        return all.get(all.size() - 1).payload();
    }

    private static List<LiveClient> concat(List<LiveClient> first, List<LiveClient> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
