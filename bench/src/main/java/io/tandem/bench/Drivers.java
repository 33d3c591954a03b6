package io.tandem.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How the benchmarks send the command mix: closed loop (each client thread sends its next command when the last one
 * is answered, on its own products) or paced (commands started at a fixed rate, round robin over the products,
 * whatever the answers take).
 */
final class Drivers {

    private Drivers() {
    }

    /** {@code threads} threads for {@code seconds}; thread t drives the products whose index is t modulo threads. */
    static List<CommandMix.Sent> closedLoop(CommandMix mix, List<BenchProduct> products, int threads, int seconds)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CommandMix.Sent>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<BenchProduct> mine = products.stream().filter(p -> p.index % threads == thread).toList();
                    Random random = new Random(thread);
                    List<CommandMix.Sent> sent = new ArrayList<>();
                    for (int i = 0; System.nanoTime() < end; i++) {
                        sent.add(mix.next(mine.get(i % mine.size()), random));
                        count.incrementAndGet();
                    }
                    return sent;
                }));
            }
            Progress progress = Progress.every(10, () -> String.format(Locale.ROOT, "  %d commands sent",
                    count.get()));
            List<CommandMix.Sent> all = new ArrayList<>();
            for (Future<List<CommandMix.Sent>> future : futures) {
                all.addAll(future.get());
            }
            progress.stop();
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code perSecond} commands a second for {@code seconds}, command k to product k modulo the number of products,
     * sent from a pool so that a slow answer does not delay the next start; answers when every command is answered.
     */
    static List<CommandMix.Sent> paced(CommandMix mix, List<BenchProduct> products, double perSecond, int seconds)
            throws Exception {
        int commands = (int) Math.round(perSecond * seconds);
        long interval = (long) (1e9 / perSecond);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, Math.max(8, (int) perSecond)));
        List<CommandMix.Sent> sent = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(42);
        long start = System.nanoTime();
        Progress progress = Progress.every(10, () -> String.format(Locale.ROOT, "  %d of %d commands answered",
                sent.size(), commands));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < commands; k++) {
                long due = start + k * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing: the next command is due at a fixed time
                }
                BenchProduct product = products.get(k % products.size());
                long seed = random.nextLong();
                futures.add(pool.submit(() -> {
                    sent.add(mix.next(product, new Random(seed)));
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return new ArrayList<>(sent);
        } finally {
            progress.stop();
            pool.shutdownNow();
        }
    }

    /** Commands per second over the span from the first start to the last answer, counting successes only. */
    static double throughput(List<CommandMix.Sent> sent) {
        long first = sent.stream().mapToLong(CommandMix.Sent::sentNanos).min().orElse(0);
        long last = sent.stream().mapToLong(CommandMix.Sent::answeredNanos).max().orElse(1);
        return sent.stream().filter(CommandMix.Sent::ok).count() / Math.max(1e-9, (last - first) / 1e9);
    }
}
