package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the read models should show of a product, computed from its stored events, and what they do show. */
final class PlanAudit {

    private PlanAudit() {
    }

    /** The open backlog items in rank order, replayed from the plan's events in sequence order. */
    static List<String> backlogOrder(List<StoredEvent> productEvents) {
        List<String> ranked = new ArrayList<>();
        productEvents.stream().sorted(Comparator.comparingLong(StoredEvent::sequenceNumber)).forEach(event -> {
            String item = event.payload().getString("backlogItemId");
            switch (event.simpleType()) {
                case "BacklogItemAddedEvent" -> {
                    Number position = event.payload().get("position", Number.class);
                    ranked.add(position == null ? ranked.size() : position.intValue() - 1, item);
                }
                case "BacklogItemReprioritizedEvent" -> {
                    ranked.remove(item);
                    ranked.add(event.payload().get("toPosition", Number.class).intValue() - 1, item);
                }
                case "BacklogItemRemovedEvent", "BacklogItemCompletedEvent" -> ranked.remove(item);
                default -> { }
            }
        });
        return ranked;
    }

    /** The backlog the dashboard shows, by rank. */
    static List<String> dashboardBacklog(JsonNode dashboard) {
        List<String> ids = new ArrayList<>();
        dashboard.get("backlog").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** Every global position in the product's decision log, following the cursor page by page. */
    static List<Long> decisionPositions(Api queries, String user, String productId) {
        List<Long> positions = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = queries.get(user, "/api/products/" + productId + "/decisions?limit=500"
                    + (after.isEmpty() ? "" : "&after=" + after));
            page.get("entries").forEach(entry -> positions.add(entry.get("globalPosition").asLong()));
            JsonNode next = page.get("nextAfter");
            if (next == null || next.isNull() || page.get("entries").isEmpty()) {
                return positions;
            }
            after = next.asText();
        }
    }

    /** The positions of the product's events, in order. */
    static List<Long> positions(List<StoredEvent> productEvents) {
        return productEvents.stream().map(StoredEvent::position).sorted().toList();
    }
}
