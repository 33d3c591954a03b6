package io.tandem.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fan-out (issue 5, item 5): the query side runs with {@code -Xmx512m}; STOMP sessions subscribe to the dashboards
 * of {@code BENCH_PRODUCTS} (50) products in steps of {@code step} (500) up to {@code max} (5,000), sessions kept
 * from step to step. In each step every product gets one command a second for {@code BENCH_SECONDS} (20) seconds,
 * so every session receives its product's dashboard about once a second; the latency is from the command's 2xx
 * answer to the frame on each session (as in {@link PushBenchmark}). A step holds when every session opened and
 * stayed open, every frame arrived and the p99 is under 1 s; the benchmark stops at the first step that does not.
 * Heap (highest sampled, and after a full GC) and live threads of the query side at each step.
 */
final class FanOutBenchmark {

    private static final double TARGET_P99_MICROS = 1_000_000;
    private static final List<String> QUERY_JVM = List.of("-Xmx512m");

    private final int max;
    private final int step;
    private final int products = Settings.products(50);
    private final int seconds = Settings.seconds(20);
    private final int warmUp = Settings.warmUp(10);

    FanOutBenchmark(int[] numbers) {
        this.max = numbers.length > 0 ? numbers[0] : 5000;
        this.step = numbers.length > 1 ? numbers[1] : Math.min(500, max);
    }

    List<Row> run() throws Exception {
        System.out.printf(Locale.ROOT, "%n== fan-out: up to %d sessions in steps of %d on %d products (%d commands/s),"
                + " %d s a step%n", max, step, products, products, seconds);
        List<Row> rows = new ArrayList<>();
        try (BenchSystem system = BenchSystem.start("fanout")) {
            system.startServices(true, true, QUERY_JVM);
            List<BenchProduct> bench = BenchProduct.create(system.commands, products, CommandsBenchmark.THREADS);
            system.awaitDashboards(PushBenchmark.versions(bench));
            CommandMix mix = new CommandMix(system.commands);
            int held = 0;
            try (LiveSessions live = new LiveSessions(system.liveEndpoint(), bench)) {
                for (int sessions = step; sessions <= max; sessions += step) {
                    System.out.printf(Locale.ROOT, "-- %d sessions%n", sessions);
                    int failedToOpen = live.growTo(sessions);
                    if (sessions == step) {
                        System.out.printf(Locale.ROOT, "warm-up %d s...%n", warmUp);
                        Drivers.paced(mix, bench, products, warmUp);
                    }
                    live.forgetFrames();
                    HeapSampler heap = HeapSampler.start(system.queries, 5);
                    List<CommandMix.Sent> sent = Drivers.paced(mix, bench, products, seconds);
                    LiveSessions.Delivery delivery = live.delivery(sent, Duration.ofSeconds(10));
                    double heapMax = heap.stop();
                    double threads = system.queries.metric("jvm.threads.live", null);
                    double liveHeap = system.liveHeapMiB();
                    double p99 = delivery.latencies().percentileMicros(99);
                    boolean holds = failedToOpen == 0 && live.broken() == 0 && p99 < TARGET_P99_MICROS
                            && delivery.delivered() == delivery.expected();
                    String note = String.format(Locale.ROOT, "%s; max %.0f ms; frames %d of %d delivered (%.2f %%); "
                            + "%d commands, %d failed, %.0f commands/s; sessions %d open, %d failed to open, %d "
                            + "broken; query side heap max %.0f MiB sampled, %.0f MiB after GC, %.0f threads; %s",
                            holds ? "holds" : "does not hold", delivery.latencies().maxMicros() / 1000,
                            delivery.delivered(), delivery.expected(), delivery.percentDelivered(), sent.size(),
                            sent.stream().filter(s -> !s.ok()).count(), Drivers.throughput(sent), live.open(),
                            failedToOpen, live.broken(), heapMax, liveHeap, threads,
                            PushBenchmark.serverSidePushLatency(system.queries));
                    System.out.printf(Locale.ROOT, "%d sessions: p50 %.0f ms, p99 %.0f ms; %s%n", sessions,
                            delivery.latencies().percentileMicros(50) / 1000, p99 / 1000, note);
                    rows.add(new Row("fan-out", sessions + " sessions", 1, delivery.delivered() / (double) seconds,
                            delivery.latencies().percentileMicros(50), p99, p99 / TARGET_P99_MICROS, note));
                    if (!holds) {
                        break;
                    }
                    held = sessions;
                }
            }
            rows.add(new Row("fan-out", "largest step held", 1, 0, 0, 0, held / 2000.0, String.format(Locale.ROOT,
                    "%d sessions on one query-side node with -Xmx512m (target 2,000; ratio = held / 2,000)", held)));
        }
        return rows;
    }
}
