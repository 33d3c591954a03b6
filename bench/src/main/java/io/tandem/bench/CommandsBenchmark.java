package io.tandem.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * End-to-end commands (issue 5, item 3): for each size, a fresh durable H2 store is preloaded with that many events,
 * the command side starts on it, {@code BENCH_PRODUCTS} (100) products are created over HTTP, and {@value #THREADS}
 * client threads send the command mix ({@link CommandMix}) with HTTP Basic for {@code BENCH_SECONDS} (30) after
 * {@code BENCH_WARMUP} (10) seconds: first with the command side alone, then again with the query side running and
 * caught up (it projects into the same store while the commands run; only up to {@value #QUERY_SIDE_UP_TO} stored
 * events). Ratios compare each size with the first. Each row also gives the CPU time each process used per command
 * during the measured phase ({@link CpuTimes}).
 * <p>
 * The first phase of a run warms up {@code BENCH_CLIENT_WARMUP} (20) seconds longer: measured with 10 s for every
 * phase, the first phase was the slowest of a run whichever size it had (10k then 200k: 464 and 595 commands/s;
 * 200k then 10k: 444 and 493), as the harness's own JVM was still compiling its HTTP client and JSON code on the
 * two cores the services use. Later phases start new services but find the harness warm.
 */
final class CommandsBenchmark {

    static final int THREADS = 8;
    /** Above this size the query-side row is left out: its catch-up with the preload alone would take many minutes. */
    private static final int QUERY_SIDE_UP_TO = 20_000;
    private static final double TARGET_PER_SECOND = 500;
    private static final double TARGET_P99_MICROS = 50_000;

    private final int[] sizes;
    private final int products = Settings.products(100);
    private final int seconds = Settings.seconds(30);
    private final int warmUp = Settings.warmUp(10);
    private final int clientWarmUp = Settings.clientWarmUp(20);
    private boolean clientWarm;
    private final Map<String, Double> baselines = new LinkedHashMap<>();

    CommandsBenchmark(int[] sizes) {
        this.sizes = sizes.length > 0 ? sizes.clone() : new int[] {10_000, 200_000};
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            System.out.printf(Locale.ROOT, "%n== commands on %d stored events: %d products, %d threads, %d s "
                    + "(+%d s warm-up)%n", size, products, THREADS, seconds, warmUp);
            rows.addAll(runSize(size));
        }
        return rows;
    }

    private List<Row> runSize(int size) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (BenchSystem system = BenchSystem.start("commands-" + size)) {
            Map<String, Long> preloaded = Preload.write(system.store.mongoUri(), size);
            system.startServices(true, false, BenchSystem.SERVICE_JVM);
            List<BenchProduct> bench = BenchProduct.create(system.commands, products, THREADS);
            CommandMix mix = new CommandMix(system.commands);
            rows.add(measure(system, size, "command side alone", mix, bench));
            if (size > QUERY_SIDE_UP_TO) {
                System.out.printf(Locale.ROOT, "not measured with the query side at %d events: it would first have to "
                        + "catch up with them (see the history benchmark's catch-up rate)%n", size);
                return rows;
            }

            system.startServices(false, true, BenchSystem.SERVICE_JVM);
            Map<String, Long> expected = new LinkedHashMap<>(preloaded);
            bench.forEach(p -> expected.put(p.id, p.events));
            long events = expected.values().stream().mapToLong(Long::longValue).sum();
            double catchUp = system.awaitDashboards(expected);
            System.out.printf(Locale.ROOT, "query side caught up with %d events in %.0f s (%.0f events/s)%n", events,
                    catchUp, events / catchUp);
            HeapSampler heap = HeapSampler.start(system.queries, 5);
            Row withQuerySide = measure(system, size, "with query side", mix, bench);
            double lag = system.awaitDashboards(PushBenchmark.versions(bench));
            rows.add(new Row(withQuerySide.benchmark(), withQuerySide.variant(), THREADS, withQuerySide.perSecond(),
                    withQuerySide.medianMicros(), withQuerySide.p99Micros(), withQuerySide.ratioToBaseline(),
                    withQuerySide.note() + String.format(Locale.ROOT, "; query side %.1f s behind at the end "
                            + "(caught up with the preload at %.0f events/s), its heap max %.0f MiB", lag,
                            events / catchUp, heap.stop())));
        }
        return rows;
    }

    private Row measure(BenchSystem system, int size, String variant, CommandMix mix, List<BenchProduct> bench)
            throws Exception {
        int warm = clientWarm ? warmUp : warmUp + clientWarmUp;
        clientWarm = true;
        System.out.printf(Locale.ROOT, "%s: warm-up %d s...%n", variant, warm);
        Drivers.closedLoop(mix, bench, THREADS, warm);
        System.out.printf(Locale.ROOT, "%s: measuring %d s...%n", variant, seconds);
        CpuTimes cpuBefore = CpuTimes.of(system);
        List<CommandMix.Sent> sent = Drivers.closedLoop(mix, bench, THREADS, seconds);
        String cpu = cpuBefore.perOperation(CpuTimes.of(system), "command", sent.size());
        Latencies latencies = new Latencies();
        sent.stream().filter(CommandMix.Sent::ok).forEach(s -> latencies.add(s.latencyNanos()));
        long failed = sent.stream().filter(s -> !s.ok()).count();
        double perSecond = Drivers.throughput(sent);
        double baseline = baselines.computeIfAbsent(variant, v -> perSecond);
        String kinds = sent.stream().collect(Collectors.groupingBy(CommandMix.Sent::kind, Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).sorted()
                .collect(Collectors.joining(", "));
        Row row = new Row("commands " + size / 1000 + "k events", variant, THREADS, perSecond,
                latencies.percentileMicros(50), latencies.percentileMicros(99), perSecond / baseline,
                String.format(Locale.ROOT, "%d commands (%s), %d failed, max %.0f ms; target >= %.0f/s and p99 <= "
                        + "%.0f ms: %s; %s", sent.size(), kinds, failed, latencies.maxMicros() / 1000,
                        TARGET_PER_SECOND, TARGET_P99_MICROS / 1000, perSecond >= TARGET_PER_SECOND
                        && latencies.percentileMicros(99) <= TARGET_P99_MICROS ? "met" : "missed", cpu));
        System.out.printf(Locale.ROOT, "%s: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d failed; %s%n", variant,
                perSecond, latencies.percentileMicros(50) / 1000, latencies.percentileMicros(99) / 1000, failed, cpu);
        return row;
    }
}
