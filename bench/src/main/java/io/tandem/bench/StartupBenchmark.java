package io.tandem.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Start-up (issue 5, item 7), each part launched {@code launches} (3) times with the JVM options of
 * {@code ./run.sh}: the store on a fresh H2 folder until it prints {@code READY}; the command side (demo profile;
 * the first launch seeds the demo product) and then the query side on one store until their readiness probe answers
 * 200; and {@code ./run.sh} itself (jars already built: the warm case) on a fresh data folder and free ports until it
 * prints the dashboard URL. Median and slowest launch; ratio: median against the 15 s target.
 */
final class StartupBenchmark {

    private static final double TARGET_SECONDS = 15;

    private final int launches;

    StartupBenchmark(int[] numbers) {
        this.launches = numbers.length > 0 ? numbers[0] : 3;
    }

    List<Row> run() throws Exception {
        System.out.printf(Locale.ROOT, "%n== start-up: %d launches each%n", launches);
        List<Row> rows = new ArrayList<>();
        double[] store = new double[launches];
        for (int i = 0; i < launches; i++) {
            try (TempFolder data = TempFolder.create("tandem-bench-startup-store-");
                 ServiceProcess process = ServiceProcess.store(data.path(), ServiceProcess.RUN_SH_STORE_JVM,
                         BenchSystem.log("startup", "store"))) {
                store[i] = report("store", i, process.awaitReady(Duration.ofMinutes(2)));
            }
        }
        rows.add(row("store (READY line)", store));
        try (BenchSystem system = BenchSystem.start("startup")) {
            for (String service : List.of("command-side", "query-side")) {
                double[] seconds = new double[launches];
                for (int i = 0; i < launches; i++) {
                    try (ServiceProcess process = ServiceProcess.service(service, service.equals("command-side")
                            ? ServiceProcess.COMMAND_JAR : ServiceProcess.QUERY_JAR, system.store.mongoUri(),
                            ServiceProcess.RUN_SH_JVM, BenchSystem.log("startup", service))) {
                        seconds[i] = report(service, i, process.awaitReady(Duration.ofMinutes(3)));
                    }
                }
                rows.add(row(service + " (readiness 200)", seconds));
            }
        }
        double[] runSh = new double[launches];
        String built = "";
        for (int i = 0; i < launches; i++) {
            RunShLaunch launch = RunShLaunch.start(BenchSystem.log("startup", "run-sh"));
            try {
                runSh[i] = report("./run.sh", i, launch.awaitDashboardUrl());
                built = launch.built() ? "; run.sh BUILT the jars first (sources newer than the jars)" : built;
            } finally {
                launch.close();
            }
        }
        rows.add(row("./run.sh (prints the URL)", runSh, built));
        return rows;
    }

    private static double report(String what, int launch, double seconds) {
        System.out.printf(Locale.ROOT, "  %s launch %d: ready in %.2f s%n", what, launch + 1, seconds);
        return seconds;
    }

    private Row row(String variant, double[] seconds, String... extra) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        String all = Arrays.stream(seconds).mapToObj(s -> String.format(Locale.ROOT, "%.2f", s))
                .collect(Collectors.joining(", "));
        return new Row("start-up", variant, 1, 0, median * 1e6, sorted[sorted.length - 1] * 1e6,
                median / TARGET_SECONDS, String.format(Locale.ROOT, "seconds per launch: %s (µs columns: median and "
                        + "slowest launch); target <= 15 s: %s%s", all, median <= TARGET_SECONDS ? "met" : "missed",
                        String.join("", extra)));
    }
}
