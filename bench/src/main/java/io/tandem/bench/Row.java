package io.tandem.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One measured configuration: throughput, median and 99th percentile latency, ratio to the baseline row. */
record Row(String benchmark, String variant, int threads, double perSecond, double medianMicros, double p99Micros,
           double ratioToBaseline) {

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%-22s %-28s %7s %12s %12s %12s %10s%n",
                "benchmark", "variant", "threads", "ops/s", "median µs", "p99 µs", "vs base"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-22s %-28s %7d %12.0f %12.0f %12.0f %9.2fx%n", row.benchmark,
                                     row.variant, row.threads, row.perSecond, row.medianMicros, row.p99Micros,
                                     row.ratioToBaseline));
        }
        return out.toString();
    }

    static String json(List<Row> rows) {
        return rows.stream().map(row -> String.format(Locale.ROOT,
                        "  {\"benchmark\":\"%s\",\"variant\":\"%s\",\"threads\":%d,\"opsPerSecond\":%.1f,"
                                + "\"medianMicros\":%.1f,\"p99Micros\":%.1f,\"ratioToBaseline\":%.3f}",
                        row.benchmark, row.variant, row.threads, row.perSecond, row.medianMicros, row.p99Micros,
                        row.ratioToBaseline))
                   .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }
}
