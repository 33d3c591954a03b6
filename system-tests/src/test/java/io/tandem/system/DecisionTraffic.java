package io.tandem.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A steady mix of decisions on one product as its PM and PO make them over the command API, one at a time: roadmap
 * items planned and rescheduled, backlog items added (linked to roadmap items) and reprioritized, decisions recorded.
 * A command the plan refuses (a reprioritization to where the item already is) is counted, not fatal.
 */
final class DecisionTraffic {

    private static final String[] HORIZONS = {"NOW", "NEXT", "LATER"};

    private final Api commands;
    private final String path;
    private final Random random = new Random(42);
    private final List<String> roadmap = new ArrayList<>();
    private final Map<String, String> horizons = new HashMap<>();
    private final List<String> backlog = new ArrayList<>();
    private int refused;

    DecisionTraffic(Api commands, String productId) {
        this.commands = commands;
        this.path = "/api/products/" + productId;
    }

    /** Sends the {@code i}-th command of the mix. */
    void send(int i) {
        switch (roadmap.isEmpty() ? 0 : i % 10) {
            case 0 -> plan("Roadmap item " + i, HORIZONS[i % 3]);
            case 1, 2, 4, 6 -> addBacklogItem("Story " + i);
            case 3, 7 -> {
                if (backlog.size() > 1) {
                    post("po", "/backlog-items/" + any(backlog) + "/reprioritize", "{\"toPosition\":"
                            + (1 + random.nextInt(Math.min(10, backlog.size()))) + ",\"rationale\":\"Demand " + i
                            + "\"}");
                }
            }
            case 5 -> reschedule(any(roadmap), i);
            default -> post(i % 2 == 0 ? "pm" : "po", "/decisions", "{\"title\":\"Decision " + i
                    + "\",\"decision\":\"We go with option " + i + "\",\"context\":\"Load test\"}");
        }
    }

    void plan(String title, String horizon) {
        String id = post("pm", "/roadmap-items", "{\"title\":\"" + title + "\",\"horizon\":\"" + horizon
                + "\",\"rationale\":\"Planned\"}");
        if (id != null) {
            roadmap.add(id);
            horizons.put(id, horizon);
        }
    }

    private void addBacklogItem(String title) {
        String id = post("po", "/backlog-items", "{\"title\":\"" + title
                + "\",\"kind\":\"STORY\",\"roadmapItemId\":\"" + any(roadmap) + "\"}");
        if (id != null) {
            backlog.add(id);
        }
    }

    private void reschedule(String item, int i) {
        String to = HORIZONS[(List.of(HORIZONS).indexOf(horizons.get(item)) + 1 + random.nextInt(2)) % 3];
        if (post("pm", "/roadmap-items/" + item + "/reschedule", "{\"to\":\"" + to + "\",\"rationale\":\"Shift "
                + i + "\"}") != null) {
            horizons.put(item, to);
        }
    }

    private String post(String user, String command, String json) {
        try {
            return commands.post(user, path + command, json).path("id").asText();
        } catch (AssertionError refusedByThePlan) {
            refused++;
            return null;
        }
    }

    private String any(List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    int refused() {
        return refused;
    }
}
