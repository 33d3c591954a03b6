package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One browser tab on the live view, doing exactly what the web page does ({@code assets/live.js}, {@code feed.js},
 * {@code app.js}): on every (re)connect it subscribes to the product's dashboard and decisions topics and then catches
 * up with {@code GET …/decisions?after=<last position seen before the connect>}, page by page along
 * {@code nextAfter}; decisions from pushes, from the catch-up and from each dashboard's recent decisions go into one
 * feed keyed by the entry id, so an entry that comes twice shows once; a dashboard older than the one shown is
 * ignored. It also counts where entries came from, so that overlaps are visible.
 */
final class LiveTab {

    private static final ObjectMapper JSON = new ObjectMapper();

    final int index;
    final String user;
    private final String productId;
    private final Api queries;
    private final Map<String, JsonNode> feed = new HashMap<>();
    private final Set<String> fromTheLog = new HashSet<>();
    private Long lastPosition;
    private long shownVersion = -1;
    private long firstDashboardPosition = -1;
    private int catchUpOverlaps;
    private volatile JdkStompSession session;

    LiveTab(int index, String user, String productId, Api queries) {
        this.index = index;
        this.user = user;
        this.productId = productId;
        this.queries = queries;
    }

    /** Connects, subscribes and catches up (like the page's {@code onConnect}); blocks until done. */
    void open(HttpClient http, URI ws) throws Exception {
        Long cursor;
        synchronized (this) {
            cursor = lastPosition; // the page reads it in onConnect, before any frame of the new session is handled
        }
        JdkStompSession opened = JdkStompSession.connect(http, ws, user, this::onMessage).get(30, TimeUnit.SECONDS);
        opened.subscribe("decisions", "/topic/products/" + productId + "/decisions");
        opened.subscribe("dashboard", "/topic/products/" + productId + "/dashboard");
        session = opened;
        if (cursor != null) {
            catchUp(cursor);
        }
    }

    /** The connection is gone: closed abruptly here, or left dead (its proxy froze it) and given up on. */
    void cut() {
        JdkStompSession open = session;
        if (open != null) {
            open.abort();
        }
    }

    private void catchUp(long after) {
        Long cursor = after;
        while (cursor != null) {
            JsonNode page = queries.get(user, "/api/products/" + productId + "/decisions?limit=500&after=" + cursor);
            add(page.get("entries"), Source.CATCH_UP);
            cursor = page.hasNonNull("nextAfter") ? page.get("nextAfter").asLong() : null;
        }
    }

    private void onMessage(String destination, String body) {
        JsonNode payload = parse(body);
        if (destination.endsWith("/decisions")) {
            add(List.of(payload), Source.PUSH);
        } else if (destination.endsWith("/dashboard")) {
            applyDashboard(payload);
        }
    }

    private synchronized void applyDashboard(JsonNode view) {
        if (!productId.equals(view.path("productId").asText()) || view.get("version").asLong() <= shownVersion) {
            return;
        }
        shownVersion = view.get("version").asLong();
        add(view.path("recentDecisions"), Source.DASHBOARD);
        if (firstDashboardPosition < 0) {
            firstDashboardPosition = lastPosition == null ? 0 : lastPosition;
        }
    }

    private synchronized void add(Iterable<JsonNode> entries, Source source) {
        for (JsonNode entry : entries) {
            if (!productId.equals(entry.path("productId").asText())) {
                continue;
            }
            String id = entry.get("id").asText();
            if (source != Source.DASHBOARD && !fromTheLog.add(id)) {
                catchUpOverlaps++; // pushed and fetched both: the page shows it once
            }
            feed.put(id, entry);
            long position = entry.get("globalPosition").asLong();
            lastPosition = lastPosition == null ? position : Math.max(lastPosition, position);
        }
    }

    synchronized long shownVersion() {
        return shownVersion;
    }

    synchronized boolean shows(Set<String> decisionIds) {
        return feed.keySet().containsAll(decisionIds);
    }

    /** The store's decisions this tab never showed. */
    synchronized List<String> lost(List<String> decisionIds) {
        return decisionIds.stream().filter(id -> !feed.containsKey(id)).toList();
    }

    /** Entries shown more than once (the same global position under other ids) or not in the store at all. */
    synchronized List<String> duplicated(Set<String> decisionIds) {
        Map<Long, Long> byPosition = feed.values().stream().collect(Collectors.groupingBy(
                entry -> entry.get("globalPosition").asLong(), Collectors.counting()));
        return feed.values().stream().filter(entry -> byPosition.get(entry.get("globalPosition").asLong()) > 1
                || !decisionIds.contains(entry.get("id").asText())).map(JsonNode::toString).toList();
    }

    /** Entries that came both by push and by catch-up (the page shows them once). */
    synchronized int catchUpOverlaps() {
        return catchUpOverlaps;
    }

    /**
     * Decisions after the first dashboard that reached this tab only inside a dashboard's recent decisions, neither
     * pushed on the decisions topic nor fetched by a catch-up.
     */
    synchronized List<String> onlyInDashboards(List<JsonNode> decisions) {
        return decisions.stream().filter(entry -> entry.get("globalPosition").asLong() > firstDashboardPosition)
                        .map(entry -> entry.get("id").asText()).filter(id -> !fromTheLog.contains(id)).toList();
    }

    /** Where an entry came from. */
    private enum Source { PUSH, CATCH_UP, DASHBOARD }

    List<String> errors() {
        return session == null ? List.of() : session.errors;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "tab " + index + " (" + user + ")";
    }
}
