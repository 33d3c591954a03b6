package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hundreds of live clients (browser tabs doing what the page does, {@link LiveTab}) watch one product while its PM
 * and PO make decisions at a steady rate. Some clients lose their connection on the way — half closed abruptly, half
 * left dead behind a proxy that stops passing anything — and come back after missing a few or dozens of decisions,
 * more than a dashboard's recent decisions hold; the last one only once everything has been pushed. In the end every
 * client has shown every decision of the decision log exactly once, the log holds every event of the product in the
 * store, and every client shows the final dashboard version. The heavy run ({@link ReliabilityReport}) has more
 * clients, cuts and commands.
 */
class LiveReconnectTest {

    private static final int CLIENTS = ReliabilityReport.scaled(200, 400);
    private static final int CUTS = ReliabilityReport.scaled(20, 60);
    private static final int COMMANDS = ReliabilityReport.scaled(150, 600);
    private static final String[] USERS = {"pm", "po", "contributor", "viewer"};
    /** A long outage misses more decisions than the dashboard's recent decisions (20) hold. */
    private static final int LONG_OUTAGE = 25;
    private static final int SHORT_OUTAGE = 3;

    private final ReliabilityReport report = new ReliabilityReport("LiveReconnectTest");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService connecting = Executors.newFixedThreadPool(8);
    private final ExecutorService reconnecting = Executors.newCachedThreadPool();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final List<LiveTab> tabs = new ArrayList<>();
    private final List<DeadConnectionProxy> proxies = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final CompletableFuture<Void> sending = new CompletableFuture<>();
    private TandemSystem system;
    private Api queries;
    private URI ws;
    private String productId;

    @Test
    void everyClientShowsEveryDecisionOnceAndTheFinalDashboardAfterCutsAndReconnects() throws Exception {
        system = TandemSystem.get();
        queries = new Api(system.querySide.baseUrl());
        ws = URI.create("ws://127.0.0.1:" + system.querySide.port() + "/ws");
        DecisionTraffic traffic = productWithItsTeam(new Api(system.commandSide.baseUrl()));
        openTabs();

        sender.scheduleAtFixedRate(() -> send(traffic), 0, ReliabilityReport.scaled(100, 60), TimeUnit.MILLISECONDS);
        List<CompletableFuture<Void>> reconnected = cutAndReconnect();
        sending.get(180, TimeUnit.SECONDS);
        CompletableFuture.allOf(reconnected.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);

        long stored = storedEventsOfTheProduct();
        List<JsonNode> log = await().atMost(Duration.ofSeconds(30))
                                    .until(this::decisionLog, entries -> entries.size() == stored);
        List<String> decisions = log.stream().map(entry -> entry.get("id").asText()).toList();
        Set<String> decisionIds = new HashSet<>(decisions);
        long finalVersion = dashboardVersion();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> tabs.stream().allMatch(
                    tab -> tab.shows(decisionIds) && tab.shownVersion() == finalVersion));
        } catch (ConditionTimeoutException e) {
            // what is missing where is listed below
        }
        List<String> failures = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        int overlaps = 0;
        int onlyInDashboards = 0;
        for (LiveTab tab : tabs) {
            List<String> missing = tab.lost(decisions);
            List<String> twice = tab.duplicated(decisionIds);
            lost += missing.size();
            duplicated += twice.size();
            overlaps += tab.catchUpOverlaps();
            onlyInDashboards += tab.onlyInDashboards(log).size();
            if (!missing.isEmpty() || !twice.isEmpty() || tab.shownVersion() != finalVersion
                    || !tab.errors().isEmpty()) {
                failures.add(tab + ": lost " + missing + ", duplicated " + twice + ", shows version "
                        + tab.shownVersion() + " of " + finalVersion + ", errors " + tab.errors());
            }
        }
        report.put("clients", CLIENTS).put("cut", CUTS).put("commands", COMMANDS)
              .put("decisionsChecked", CLIENTS * decisions.size()).put("lost", lost).put("duplicated", duplicated)
              .put("deadConnections", proxies.size()).put("refusedCommands", traffic.refused())
              .put("decisions", decisions.size()).put("pushedAndFetchedShownOnce", overlaps)
              .put("onlyInDashboards", onlyInDashboards).put("finalVersion", finalVersion).print();
        assertThat(failures).as("clients that did not show every decision once and the final dashboard").isEmpty();
    }

    @AfterEach
    void closeEverything() {
        sender.shutdownNow();
        connecting.shutdownNow();
        reconnecting.shutdownNow();
        proxies.forEach(DeadConnectionProxy::close);
        tabs.forEach(LiveTab::cut); // the shared query side does not keep hundreds of idle sessions for later tests
    }

    /** A product with a PO, a contributor and a viewer besides its PM, and a first roadmap item. */
    private DecisionTraffic productWithItsTeam(Api commands) {
        productId = commands.post("pm", "/api/products", "{\"name\":\"Reconnect " + UUID.randomUUID() + "\"}")
                            .get("id").asText();
        String[][] members = {{"po", "PRODUCT_OWNER"}, {"contributor", "CONTRIBUTOR"}, {"viewer", "VIEWER"}};
        for (String[] member : members) {
            commands.post("pm", "/api/products/" + productId + "/members/" + member[0] + "/roles",
                          "{\"role\":\"" + member[1] + "\"}");
        }
        DecisionTraffic traffic = new DecisionTraffic(commands, productId);
        traffic.plan("First item", "NOW");
        for (String user : USERS) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                   .until(() -> queries.get(user, "/api/products/" + productId + "/dashboard") != null);
        }
        return traffic;
    }

    /** Every client connected and showing its first dashboard; the odd ones among those to cut behind a proxy. */
    private void openTabs() throws Exception {
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            LiveTab tab = new LiveTab(i, USERS[i % USERS.length], productId, queries);
            tabs.add(tab);
            URI address = ws;
            if (i < CUTS && i % 2 == 1) {
                DeadConnectionProxy proxy = new DeadConnectionProxy(system.querySide.port());
                proxies.add(proxy);
                address = proxy.uri("ws", "/ws");
            }
            URI to = address;
            opened.add(CompletableFuture.runAsync(() -> open(tab, to), connecting));
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> tabs.stream().allMatch(tab -> tab.shownVersion() >= 0));
    }

    private void send(DecisionTraffic traffic) {
        int i = sent.get();
        if (i >= COMMANDS) {
            sending.complete(null);
            return;
        }
        try {
            traffic.send(i);
            sent.incrementAndGet();
        } catch (RuntimeException | AssertionError e) {
            sending.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Cuts the first {@link #CUTS} clients one by one while the decisions flow — an even one closes its connection
     * abruptly, an odd one's connection goes dead — and brings each back after a few or after dozens of decisions.
     */
    private List<CompletableFuture<Void>> cutAndReconnect() {
        LiveTab witness = tabs.get(CUTS); // never cut: the last cut client returns once this one shows the end
        List<CompletableFuture<Void>> reconnected = new ArrayList<>();
        for (int k = 0; k < CUTS; k++) {
            int at = (k + 1) * COMMANDS / (CUTS + 2);
            await().atMost(Duration.ofSeconds(120)).until(() -> sent.get() >= at);
            LiveTab tab = tabs.get(k);
            if (k % 2 == 1) {
                proxies.get(k / 2).kill(); // nothing arrives any more and nothing is closed
            }
            tab.cut();
            int back = sent.get() + (k % 4 < 2 ? LONG_OUTAGE : SHORT_OUTAGE);
            BooleanSupplier comeBack = k < CUTS - 1 ? () -> sent.get() >= back || sending.isDone()
                    : () -> sending.isDone() && witness.shownVersion() == dashboardVersion();
            reconnected.add(CompletableFuture.runAsync(() -> {
                try {
                    await().atMost(Duration.ofSeconds(60)).until(comeBack::getAsBoolean);
                } catch (ConditionTimeoutException e) {
                    // the end never reached the witness: come back anyway, the final check says what each shows
                }
                open(tab, ws);
            }, reconnecting));
        }
        return reconnected;
    }

    private void open(LiveTab tab, URI address) {
        try {
            tab.open(http, address);
        } catch (Exception e) {
            throw new IllegalStateException(tab + " could not connect", e);
        }
    }

    private long dashboardVersion() {
        return queries.get("pm", "/api/products/" + productId + "/dashboard").get("version").asLong();
    }

    /** The product's decision log, oldest first, along the cursor. */
    private List<JsonNode> decisionLog() {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonNode page = queries.get("pm", "/api/products/" + productId + "/decisions?limit=500" + cursor);
            page.get("entries").forEach(entries::add);
            cursor = page.hasNonNull("nextAfter") ? "&after=" + page.get("nextAfter").asLong() : null;
        }
        return entries;
    }

    private long storedEventsOfTheProduct() {
        try (MongoClient client = MongoClients.create(system.store.connectionString())) {
            return client.getDatabase("tandem").getCollection("events")
                         .countDocuments(Filters.eq("payload.productId", productId));
        }
    }
}
