package io.tandem.bench;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The realistic mix of decisions the benchmarks send, each appending exactly one event: 40 % backlog
 * reprioritizations (po), 20 % roadmap reschedules (pm), 20 % feedback submitted (po) and 20 % feedback triaged
 * (po; linked to a roadmap item or declined; feedback is submitted instead when none is waiting).
 */
final class CommandMix {

    /** One command sent: what, its HTTP status, when its answer arrived, and the dashboard version it leads to. */
    record Sent(BenchProduct product, String kind, int status, long sentNanos, long answeredNanos,
                long expectedVersion) {

        boolean ok() {
            return status / 100 == 2;
        }

        long latencyNanos() {
            return answeredNanos - sentNanos;
        }
    }

    private static final String[] CHANNELS = {"EMAIL", "SUPPORT_TICKET", "SALES_CALL", "INTERVIEW", "SURVEY",
        "IN_APP"};
    private static final String[] URGENCIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] HORIZONS = {"NOW", "NEXT", "LATER"};

    private final TandemHttp http;

    CommandMix(TandemHttp http) {
        this.http = http;
    }

    /** Sends the next command of the mix to the product (one at a time per product) and updates the model. */
    Sent next(BenchProduct product, Random random) throws Exception {
        synchronized (product) {
            int dice = random.nextInt(100);
            if (dice < 40) {
                return reprioritize(product, random);
            }
            if (dice < 60) {
                return reschedule(product, random);
            }
            if (dice < 80 || product.untriaged.isEmpty()) {
                return submitFeedback(product);
            }
            return triage(product, random);
        }
    }

    static Map<String, Object> feedback(BenchProduct product) {
        int n = product.counter++;
        return Map.of("channel", CHANNELS[n % CHANNELS.length], "customerReference", "customer-" + (n % 50),
                "text", "Feedback " + n + " on product " + product.index, "urgency", URGENCIES[n % URGENCIES.length]);
    }

    private Sent reprioritize(BenchProduct product, Random random) throws Exception {
        int size = product.backlog.size();
        int from = random.nextInt(size);
        int to = random.nextInt(size - 1);
        if (to >= from) {
            to++;
        }
        Sent sent = send(product, "reprioritize", "po", "POST",
                product.path("/backlog-items/" + product.backlog.get(from) + "/reprioritize"),
                Map.of("toPosition", to + 1, "rationale", "Customer value " + product.counter++));
        if (sent.ok()) {
            product.backlog.add(to, product.backlog.remove(from));
        }
        return sent;
    }

    private Sent reschedule(BenchProduct product, Random random) throws Exception {
        int item = random.nextInt(product.roadmap.size());
        String current = product.horizons.get(item);
        String to = HORIZONS[random.nextInt(HORIZONS.length)];
        if (to.equals(current)) {
            to = HORIZONS[(Arrays.asList(HORIZONS).indexOf(current) + 1) % HORIZONS.length];
        }
        Sent sent = send(product, "reschedule", "pm", "POST",
                product.path("/roadmap-items/" + product.roadmap.get(item) + "/reschedule"),
                Map.of("to", to, "rationale", "Market moved " + product.counter++));
        if (sent.ok()) {
            product.horizons.set(item, to);
        }
        return sent;
    }

    private Sent submitFeedback(BenchProduct product) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send("po", "POST", product.path("/feedback"), feedback(product));
        Sent sent = answered(product, "feedback", response, start);
        if (sent.ok()) {
            product.untriaged.add(TandemHttp.JSON.readTree(response.body()).path("id").asText());
        }
        return sent;
    }

    private Sent triage(BenchProduct product, Random random) throws Exception {
        String feedbackId = product.untriaged.poll();
        Map<String, Object> body = random.nextInt(10) < 7
                ? Map.<String, Object>of("outcome", "LINKED",
                        "linkedItemId", product.roadmap.get(random.nextInt(product.roadmap.size())))
                : Map.of("outcome", "DECLINED", "rationale", "Out of scope " + product.counter++);
        return send(product, "triage", "po", "POST", product.path("/feedback/" + feedbackId + "/triage"), body);
    }

    private Sent send(BenchProduct product, String kind, String user, String method, String path, Object body)
            throws Exception {
        long start = System.nanoTime();
        return answered(product, kind, http.send(user, method, path, body), start);
    }

    private static Sent answered(BenchProduct product, String kind, HttpResponse<String> response, long start) {
        long answered = System.nanoTime();
        boolean ok = response.statusCode() / 100 == 2;
        if (ok) {
            product.events++;
        } else if (!LoggedFailures.seen(response.statusCode())) {
            System.out.printf("  %s on %s answered %d: %s%n", kind, product.id, response.statusCode(),
                    response.body());
        }
        return new Sent(product, kind, response.statusCode(), start, answered, ok ? product.events : -1);
    }

    /** Prints the first failure of each status only. */
    private static final class LoggedFailures {
        private static final Set<Integer> SEEN = ConcurrentHashMap.newKeySet();

        static boolean seen(int status) {
            return !SEEN.add(status);
        }
    }
}
