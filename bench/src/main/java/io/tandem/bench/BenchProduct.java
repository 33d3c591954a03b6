package io.tandem.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A product the benchmarks drive, created over HTTP, and what the harness knows of it: its roadmap items and their
 * horizons, its backlog in rank order, its untriaged feedback, and how many events it has (the version its dashboard
 * shows once the query side has them all). Commands on one product are sent one at a time (under its lock), so the
 * model stays exact.
 */
final class BenchProduct {

    static final int ROADMAP_ITEMS = 6;
    static final int BACKLOG_ITEMS = 20;
    static final int FEEDBACK = 2;
    private static final String[] HORIZONS = {"NOW", "NEXT", "LATER"};

    final String id;
    final int index;
    final List<String> roadmap = new ArrayList<>();
    final List<String> horizons = new ArrayList<>();
    final List<String> backlog = new ArrayList<>();
    final Deque<String> untriaged = new ArrayDeque<>();
    long events;
    int counter;

    private BenchProduct(String id, int index) {
        this.id = id;
        this.index = index;
    }

    String path(String suffix) {
        return "/api/products/" + id + suffix;
    }

    /**
     * Creates the products over HTTP from {@code threads} threads: pm creates each and grants po the product owner
     * role, plans {@value #ROADMAP_ITEMS} roadmap items across the horizons; po adds {@value #BACKLOG_ITEMS} backlog
     * items linked to them and submits {@value #FEEDBACK} pieces of feedback.
     */
    static List<BenchProduct> create(TandemHttp http, int count, int threads) throws Exception {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BenchProduct>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    BenchProduct product = createOne(http, index);
                    int finished = done.incrementAndGet();
                    if (finished % Math.max(1, count / 10) == 0 || finished == count) {
                        System.out.printf(Locale.ROOT, "  products created: %d of %d (%.0f s)%n", finished, count,
                                (System.nanoTime() - started) / 1e9);
                    }
                    return product;
                }));
            }
            List<BenchProduct> products = new ArrayList<>();
            for (Future<BenchProduct> future : futures) {
                products.add(future.get());
            }
            return products;
        } finally {
            pool.shutdownNow();
        }
    }

    private static BenchProduct createOne(TandemHttp http, int index) throws Exception {
        String id = http.create("pm", "/api/products",
                Map.of("name", "Bench product " + index, "vision", "Measured end to end"));
        BenchProduct product = new BenchProduct(id, index);
        product.events = 2; // ProductCreated, then the creator's RoleGranted (PM)
        http.create("pm", product.path("/members/po/roles"), Map.of("role", "PRODUCT_OWNER"));
        product.events++;
        for (int r = 0; r < ROADMAP_ITEMS; r++) {
            String horizon = HORIZONS[r * HORIZONS.length / ROADMAP_ITEMS];
            product.roadmap.add(http.create("pm", product.path("/roadmap-items"), Map.of("title", "Roadmap " + r,
                    "description", "Planned by the bench", "horizon", horizon, "objectiveIds", List.of(),
                    "rationale", "Part of the plan")));
            product.horizons.add(horizon);
            product.events++;
        }
        for (int b = 0; b < BACKLOG_ITEMS; b++) {
            product.backlog.add(http.create("po", product.path("/backlog-items"), Map.of("title", "Story " + b,
                    "kind", "STORY", "roadmapItemId", product.roadmap.get(b % ROADMAP_ITEMS))));
            product.events++;
        }
        for (int f = 0; f < FEEDBACK; f++) {
            product.untriaged.add(http.create("po", product.path("/feedback"), CommandMix.feedback(product)));
            product.events++;
        }
        return product;
    }
}
