package io.tandem.bench;

/**
 * Samples a service's heap in use ({@code jvm.memory.used}, area heap, from its actuator metrics) every few seconds
 * while a run goes on, and keeps the highest value. Sparse on purpose: every request costs the service a password
 * check.
 */
final class HeapSampler {

    private final Thread thread;
    private volatile double maxMiB = Double.NaN;

    private HeapSampler(TandemHttp service, int seconds) {
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    double used = service.metric("jvm.memory.used", "area:heap") / (1 << 20);
                    if (!Double.isNaN(used) && (Double.isNaN(maxMiB) || used > maxMiB)) {
                        maxMiB = used;
                    }
                    Thread.sleep(seconds * 1000L); // a sample every few seconds
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start(TandemHttp service, int seconds) {
        HeapSampler sampler = new HeapSampler(service, seconds);
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling and answers the highest heap in use seen, in MiB (NaN if the metric was not readable). */
    double stop() {
        thread.interrupt();
        return maxMiB;
    }
}
