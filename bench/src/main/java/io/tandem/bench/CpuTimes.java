package io.tandem.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time (user and system, as the OS counts it) each of the benchmark's processes had used at one moment. Two
 * of them tell what one operation cost each process: a figure the other tenants of a shared machine move much less than
 * throughput, since it counts the work done and not the time waited for a core.
 */
final class CpuTimes {

    private final Map<String, Duration> used = new LinkedHashMap<>();

    private CpuTimes() {
    }

    /** The CPU time used so far by each running process of the system. */
    static CpuTimes of(BenchSystem system) {
        CpuTimes times = new CpuTimes();
        system.processes().stream().filter(p -> p.process.isAlive())
              .forEach(p -> p.process.info().totalCpuDuration().ifPresent(d -> times.used.put(p.name, d)));
        return times;
    }

    /** For tests: the given CPU times by process name. */
    static CpuTimes of(Map<String, Duration> used) {
        CpuTimes times = new CpuTimes();
        times.used.putAll(used);
        return times;
    }

    /**
     * What each process used between this and {@code later}, per operation, in milliseconds, e.g. {@code "CPU per
     * command: store 0.91 ms, command-side 0.52 ms (1.43 ms)"}, the total last; empty when no process was measured
     * both times or there were no operations.
     */
    String perOperation(CpuTimes later, String operation, long operations) {
        List<String> parts = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Duration> before : used.entrySet()) {
            Duration after = later.used.get(before.getKey());
            if (after != null && operations > 0) {
                double millis = after.minus(before.getValue()).toNanos() / 1e6 / operations;
                total += millis;
                parts.add(String.format(Locale.ROOT, "%s %.2f ms", before.getKey(), millis));
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "CPU per %s: %s (%.2f ms)", operation, String.join(", ", parts), total);
    }
}
