package io.tandem.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, added from any thread; percentiles and the maximum in microseconds. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    /** The samples of an array filled by one run. */
    static Latencies of(long[] nanos) {
        Latencies latencies = new Latencies();
        for (long value : nanos) {
            latencies.add(value);
        }
        return latencies;
    }

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code percentile} (0–100) in microseconds, 0 when empty. */
    synchronized double percentileMicros(double percentile) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1000.0;
    }

    synchronized double maxMicros() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return max / 1000.0;
    }
}
