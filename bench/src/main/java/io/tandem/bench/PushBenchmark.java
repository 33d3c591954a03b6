package io.tandem.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Live push (issue 5, item 4): on a fresh durable store with the command side and the query side, {@code sessions}
 * (500) STOMP sessions subscribe to the dashboards of {@code BENCH_PRODUCTS} (100) products; after a warm-up of
 * {@code BENCH_WARMUP} (10) seconds the command mix is sent at {@code rate} (50) commands a second for
 * {@code BENCH_SECONDS} (60) seconds, round robin over the products. Each command's latency is from its 2xx answer
 * to the arrival, on every session of its product, of the first dashboard frame with the command's version or a
 * later one (dashboard pushes are coalesced per product); a frame is missing when it has not arrived 10 s after the
 * run. Ratio: p99 against the 150 ms target.
 */
final class PushBenchmark {

    private static final double TARGET_P50_MICROS = 50_000;
    private static final double TARGET_P99_MICROS = 150_000;

    private final int sessions;
    private final double rate;
    private final int products = Settings.products(100);
    private final int seconds = Settings.seconds(60);
    private final int warmUp = Settings.warmUp(10);

    PushBenchmark(int[] numbers) {
        this.sessions = numbers.length > 0 ? numbers[0] : 500;
        this.rate = numbers.length > 1 ? numbers[1] : 50;
    }

    List<Row> run() throws Exception {
        System.out.printf(Locale.ROOT, "%n== live push: %d sessions on %d products, %.0f commands/s for %d s "
                + "(+%d s warm-up)%n", sessions, products, rate, seconds, warmUp);
        try (BenchSystem system = BenchSystem.start("push")) {
            system.startServices(true, true, BenchSystem.SERVICE_JVM);
            List<BenchProduct> bench = BenchProduct.create(system.commands, products, CommandsBenchmark.THREADS);
            system.awaitDashboards(versions(bench));
            try (LiveSessions live = new LiveSessions(system.liveEndpoint(), bench)) {
                int failedToOpen = live.growTo(sessions);
                CommandMix mix = new CommandMix(system.commands);
                System.out.printf(Locale.ROOT, "warm-up %d s...%n", warmUp);
                Drivers.paced(mix, bench, rate, warmUp);
                HeapSampler heap = HeapSampler.start(system.queries, 5);
                live.forgetFrames();
                System.out.printf(Locale.ROOT, "measuring %d s...%n", seconds);
                List<CommandMix.Sent> sent = Drivers.paced(mix, bench, rate, seconds);
                LiveSessions.Delivery delivery = live.delivery(sent, Duration.ofSeconds(10));
                double heapMax = heap.stop();
                double threads = system.queries.metric("jvm.threads.live", null);
                double liveHeap = system.liveHeapMiB();
                String serverSide = serverSidePushLatency(system.queries);
                Latencies latencies = delivery.latencies();
                double p50 = latencies.percentileMicros(50);
                double p99 = latencies.percentileMicros(99);
                long failed = sent.stream().filter(s -> !s.ok()).count();
                String note = String.format(Locale.ROOT, "max %.0f ms; frames %d of %d delivered (%.2f %%); %d "
                        + "frames received; %d commands, %d failed; sessions: %d open, %d failed to open, %d broken; "
                        + "query side heap max %.0f MiB sampled, %.0f MiB after GC, %.0f threads; target p50 <= "
                        + "50 ms, p99 <= 150 ms, 100 %%: %s; %s", latencies.maxMicros() / 1000, delivery.delivered(),
                        delivery.expected(), delivery.percentDelivered(), live.frames(), sent.size(), failed,
                        live.open(), failedToOpen, live.broken(), heapMax, liveHeap, threads,
                        p50 <= TARGET_P50_MICROS && p99 <= TARGET_P99_MICROS
                        && delivery.delivered() == delivery.expected() ? "met" : "missed", serverSide);
                System.out.printf(Locale.ROOT, "command to frame: p50 %.1f ms, p99 %.1f ms; %s%n", p50 / 1000,
                        p99 / 1000, note);
                return List.of(new Row("live push", sessions + " sessions, " + Math.round(rate) + " commands/s", 1,
                        Drivers.throughput(sent), p50, p99, p99 / TARGET_P99_MICROS, note));
            }
        }
    }

    /**
     * The query side's own timer from an event's timestamp to its dashboard push ({@code tandem.live.push.latency}),
     * as its Prometheus scrape publishes the percentiles (Micrometer's rolling window: about the last two minutes).
     */
    static String serverSidePushLatency(TandemHttp queries) {
        String scrape = queries.prometheusScrape();
        String series = "tandem_live_push_latency_seconds{topic=\"dashboard\",quantile=\"%s\"}";
        return String.format(Locale.ROOT, "server side event-to-push p50 %.0f ms, p99 %.0f ms (recent)",
                TandemHttp.prometheusSample(scrape, String.format(Locale.ROOT, series, "0.5")) * 1000,
                TandemHttp.prometheusSample(scrape, String.format(Locale.ROOT, series, "0.99")) * 1000);
    }

    static Map<String, Long> versions(List<BenchProduct> products) {
        return products.stream().collect(Collectors.toMap(p -> p.id, p -> p.events, (a, b) -> a,
                LinkedHashMap::new));
    }
}
