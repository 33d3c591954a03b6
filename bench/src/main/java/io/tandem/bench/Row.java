package io.tandem.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One measured configuration: throughput, median and 99th percentile latency, ratio to the baseline row, and a note
 * for what else the row measured (frames delivered, heap, threads...).
 */
record Row(String benchmark, String variant, int threads, double perSecond, double medianMicros, double p99Micros,
           double ratioToBaseline, String note) {

    Row(String benchmark, String variant, int threads, double perSecond, double medianMicros, double p99Micros,
        double ratioToBaseline) {
        this(benchmark, variant, threads, perSecond, medianMicros, p99Micros, ratioToBaseline, "");
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n%-22s %-30s %7s %12s %12s %12s %10s  %s%n",
                "benchmark", "variant", "threads", "ops/s", "median µs", "p99 µs", "vs base", "note"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-22s %-30s %7d %12.0f %12.0f %12.0f %9.2fx  %s%n", row.benchmark,
                                     row.variant, row.threads, row.perSecond, row.medianMicros, row.p99Micros,
                                     row.ratioToBaseline, row.note));
        }
        return out.toString();
    }

    static String json(List<Row> rows) {
        return rows.stream().map(row -> String.format(Locale.ROOT,
                        "  {\"benchmark\":\"%s\",\"variant\":\"%s\",\"threads\":%d,\"opsPerSecond\":%.1f,"
                                + "\"medianMicros\":%.1f,\"p99Micros\":%.1f,\"ratioToBaseline\":%.3f,\"note\":\"%s\"}",
                        escape(row.benchmark), escape(row.variant), row.threads, row.perSecond, row.medianMicros,
                        row.p99Micros, row.ratioToBaseline, escape(row.note)))
                   .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
