package io.tandem.eventstore;

import io.tandem.eventstore.embedded.EmbeddedMongoMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The embedded store (H2 backend) started as a separate JVM, so that a test can kill it with SIGKILL. */
final class StoreProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private StoreProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static StoreProcess start(Path dataDirectory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                             EmbeddedMongoMain.class.getName(),
                                             "--data-dir=" + dataDirectory, "--port=0")
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> drain(process, ready), "store-process-output");
        drain.setDaemon(true);
        drain.start();
        int port = ready.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
        return new StoreProcess(process, port);
    }

    private static void drain(Process process, CompletableFuture<Integer> ready) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    ready.complete(Integer.parseInt(line.substring("READY ".length()).trim()));
                }
            }
            ready.completeExceptionally(new IllegalStateException("store process ended before it was ready"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Sends SIGKILL (no shutdown hook runs, nothing is flushed) and returns the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
