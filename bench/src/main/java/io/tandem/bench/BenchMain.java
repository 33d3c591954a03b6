package io.tandem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Entry point of the harness: runs the benchmarks, prints one table, writes the same rows as JSON. */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * {@code [appends]}: the durability benchmark with that many appends per run (default 3000);
     * {@code history [sizes...]}: the history benchmark with products of those sizes (default 10000 100000).
     */
    public static void main(String[] args) throws Exception {
        System.out.printf("Tandem bench: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                          System.getProperty("java.vm.version"));
        List<Row> rows;
        if (args.length > 0 && args[0].equals("history")) {
            int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                    : new int[] {10_000, 100_000};
            rows = new HistoryBenchmark(sizes).run();
        } else {
            int appends = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
            System.out.printf("%d single-event appends per run%n", appends);
            rows = new DurabilityBenchmark(appends).run();
        }
        System.out.println(Row.table(rows));
        Path json = Path.of("bench", "target", "results.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, Row.json(rows));
        System.out.println("JSON: " + json.toAbsolutePath());
    }
}
