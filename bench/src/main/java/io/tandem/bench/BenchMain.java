package io.tandem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Entry point of the harness: runs the benchmarks named on the command line, prints one table, writes it as JSON. */
public final class BenchMain {

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
        switch (mode) {
            case "durability" -> rows.addAll(new DurabilityBenchmark(numbers.length > 0 ? numbers[0] : 3000).run());
            case "history" -> rows.addAll(new HistoryBenchmark(
                    numbers.length > 0 ? numbers : new int[] {10_000, 100_000}).run());
            case "store" -> rows.addAll(new StoreBenchmark(
                    numbers.length > 1 ? Arrays.copyOfRange(numbers, 1, numbers.length)
                            : new int[] {10_000, 100_000, 200_000}, numbers.length > 0 ? numbers[0] : 2000).run());
            case "commands" -> rows.addAll(new CommandsBenchmark(numbers).run());
            case "push" -> rows.addAll(new PushBenchmark(numbers).run());
            case "fanout" -> rows.addAll(new FanOutBenchmark(numbers).run());
            case "startup" -> rows.addAll(new StartupBenchmark(numbers).run());
            default -> throw new IllegalArgumentException("Unknown benchmark " + mode + "; see bench/run.sh");
        }
        System.out.println(Row.table(rows));
        Path json = Path.of("bench", "target", "results.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, Row.json(rows));
        System.out.println("JSON: " + json.toAbsolutePath());
    }
}
