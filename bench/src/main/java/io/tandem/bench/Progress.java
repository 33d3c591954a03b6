package io.tandem.bench;

import java.util.function.Supplier;

/** Prints a line about long-running work every few seconds, from a daemon thread, until stopped. */
final class Progress {

    private final Thread thread;

    private Progress(Thread thread) {
        this.thread = thread;
    }

    static Progress every(int seconds, Supplier<String> line) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(seconds * 1000L); // a report every few seconds; nothing to wait for
                    System.out.println(line.get());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "bench-progress");
        thread.setDaemon(true);
        thread.start();
        return new Progress(thread);
    }

    void stop() {
        thread.interrupt();
    }
}
