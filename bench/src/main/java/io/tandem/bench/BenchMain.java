package io.tandem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Entry point of the harness: runs the benchmarks, prints one table, writes the same rows as JSON. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        System.out.printf("Tandem bench: %d single-event appends per run, %d cores, %s%n", appends,
                          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        List<Row> rows = new DurabilityBenchmark(appends).run();
        System.out.println(Row.table(rows));
        Path json = Path.of("bench", "target", "results.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, Row.json(rows));
        System.out.println("JSON: " + json.toAbsolutePath());
    }
}
