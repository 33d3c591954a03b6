package io.tandem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Entry point of the harness: runs the benchmarks named on the command line, prints one table, writes it as JSON. */
public final class BenchMain {

    /** Every benchmark, in the order {@code all} runs them with their defaults. */
    private static final List<String> ALL = List.of("store", "commands", "push", "fanout", "startup", "history");

    private BenchMain() {
    }

    /**
     * {@code <mode> [sizes...]}; see {@code bench/run.sh} for the modes. Without a mode: the durability benchmark.
     */
    public static void main(String[] args) throws Exception {
        System.out.printf("Tandem bench: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                          System.getProperty("java.vm.version"));
        String mode = args.length > 0 && !args[0].matches("\\d+") ? args[0] : "durability";
        int[] numbers = Arrays.stream(args).filter(arg -> arg.matches("\\d+")).mapToInt(Integer::parseInt).toArray();
        List<Row> rows = new ArrayList<>();
        if (mode.equals("all")) {
            for (String each : ALL) {
                System.out.printf("%n==== %s ====%n", each);
                try {
                    rows.addAll(run(each, new int[0]));
                } catch (Exception | AssertionError e) {
                    System.out.printf("%s failed: %s%n", each, e);
                    rows.add(new Row(each, "FAILED: " + e.getMessage(), 0, 0, 0, 0, 0));
                }
                write(rows);
            }
        } else {
            rows.addAll(run(mode, numbers));
        }
        System.out.println(Row.table(rows));
        System.out.println("JSON: " + write(rows).toAbsolutePath());
    }

    private static List<Row> run(String mode, int[] numbers) throws Exception {
        return switch (mode) {
            case "durability" -> new DurabilityBenchmark(numbers.length > 0 ? numbers[0] : 3000).run();
            case "history" -> new HistoryBenchmark(numbers.length > 0 ? numbers : new int[] {10_000, 100_000}).run();
            case "store" -> new StoreBenchmark(numbers.length > 1 ? Arrays.copyOfRange(numbers, 1, numbers.length)
                    : new int[] {10_000, 100_000, 200_000}, numbers.length > 0 ? numbers[0] : 2000).run();
            case "commands" -> new CommandsBenchmark(numbers).run();
            case "push" -> new PushBenchmark(numbers).run();
            case "fanout" -> new FanOutBenchmark(numbers).run();
            case "startup" -> new StartupBenchmark(numbers).run();
            default -> throw new IllegalArgumentException("Unknown benchmark " + mode + "; see bench/run.sh");
        };
    }

    private static Path write(List<Row> rows) throws java.io.IOException {
        Path json = Path.of("bench", "target", "results.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, Row.json(rows));
        return json;
    }
}
