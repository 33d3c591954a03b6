package io.tandem.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A mix of real decisions on a few products over HTTP, for the read models to digest: roadmap items planned and
 * rescheduled, backlog items added (linked or not) and reprioritized, feedback received and triaged, decisions and
 * sync meetings. Refusals (a position out of range, a horizon already held) and lost connections are counted, not
 * failures: the traffic only has to produce events.
 */
final class MixedDecisionLoad {

    private static final String[] HORIZONS = {"NOW", "NEXT", "LATER"};

    private final RawApi api;
    private final List<Product> products = new ArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    /** A product and the items made in it so far. */
    private record Product(String id, List<String> roadmap, List<String> backlog) {
    }

    MixedDecisionLoad(String commandSide, int productCount) {
        this.api = new RawApi(commandSide, Duration.ofSeconds(15));
        Api setup = new Api(commandSide);
        for (int p = 0; p < productCount; p++) {
            String id = setup.post("pm", "/api/products", "{\"name\":\"Traffic " + p + " " + UUID.randomUUID()
                    + "\"}").get("id").asText();
            setup.post("pm", "/api/products/" + id + "/members/po/roles", "{\"role\":\"PRODUCT_OWNER\"}");
            products.add(new Product(id, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>()));
        }
    }

    List<String> productIds() {
        return products.stream().map(Product::id).toList();
    }

    /** Sends decisions from {@code threads} clients until {@code enough} says so. */
    void run(int threads, BooleanSupplier enough) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                while (!enough.getAsBoolean()) {
                    decide();
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
    }

    private void decide() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Product product = products.get(random.nextInt(products.size()));
        String base = "/api/products/" + product.id();
        String horizon = HORIZONS[random.nextInt(3)];
        int choice = product.roadmap().isEmpty() ? 0 : product.backlog().isEmpty() ? 1 : random.nextInt(9);
        RawApi.Answer answer = switch (choice) {
            case 0 -> remember(product.roadmap(), post("pm", base + "/roadmap-items",
                    "{\"title\":\"Theme\",\"horizon\":\"" + horizon + "\",\"rationale\":\"traffic\"}"));
            case 1 -> remember(product.backlog(), post("po", base + "/backlog-items", "{\"title\":\"Story\","
                    + "\"kind\":\"STORY\"" + (random.nextBoolean() ? ",\"roadmapItemId\":\"" + any(product.roadmap())
                    + "\"" : "") + "}"));
            case 2, 3 -> post("po", base + "/backlog-items/" + any(product.backlog()) + "/reprioritize",
                    "{\"toPosition\":" + (1 + random.nextInt(product.backlog().size())) + ",\"rationale\":\"r\"}");
            case 4 -> post("pm", base + "/roadmap-items/" + any(product.roadmap()) + "/reschedule",
                    "{\"to\":\"" + horizon + "\",\"rationale\":\"traffic\"}");
            case 5 -> triaged(base, product);
            case 6 -> post("pm", base + "/decisions", "{\"title\":\"Decision\",\"decision\":\"Go\","
                    + "\"relatedItemIds\":[\"" + any(product.roadmap()) + "\"]}");
            case 7 -> post("pm", base + "/sync-meetings", "{\"title\":\"Sync\",\"attendees\":[\"pm\",\"po\"]}");
            default -> post("po", base + "/backlog-items/" + any(product.backlog()) + "/roadmap-link",
                    "{\"roadmapItemId\":\"" + any(product.roadmap()) + "\"}", "PUT");
        };
        (answer.accepted() ? accepted : refused).incrementAndGet();
    }

    private RawApi.Answer triaged(String base, Product product) {
        RawApi.Answer received = post("po", base + "/feedback", "{\"channel\":\"EMAIL\",\"customerReference\":\"c-"
                + ThreadLocalRandom.current().nextInt(20) + "\",\"text\":\"Please\",\"urgency\":\"HIGH\"}");
        if (!received.accepted()) {
            return received;
        }
        accepted.incrementAndGet();
        return post("po", base + "/feedback/" + received.body().get("id").asText() + "/triage",
                    "{\"outcome\":\"LINKED\",\"linkedItemId\":\"" + any(product.roadmap()) + "\"}");
    }

    private RawApi.Answer post(String user, String path, String json) {
        return api.post(user, path, json, Map.of());
    }

    private RawApi.Answer post(String user, String path, String json, String method) {
        return api.send(method, user, path, json, Map.of());
    }

    private static RawApi.Answer remember(List<String> ids, RawApi.Answer answer) {
        if (answer.accepted()) {
            ids.add(answer.body().get("id").asText());
        }
        return answer;
    }

    private static String any(List<String> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }
}
