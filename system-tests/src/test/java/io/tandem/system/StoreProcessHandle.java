package io.tandem.system;

import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store (H2 backend, data in a folder) as its own process, started from event-store's exec jar
 * ({@code tandem.eventStoreJar}), so that a test can kill it with SIGKILL and start it again on the same port and data.
 * Its output goes to {@code target/<name>.log}.
 */
final class StoreProcessHandle implements AutoCloseable {

    private final String name;
    private final Path dataDirectory;
    private final int port;
    private Process process;

    private StoreProcessHandle(String name, Path dataDirectory, int port) {
        this.name = name;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** The in-memory store in this JVM instead, for tests that kill only the services. */
    static EmbeddedMongoServer inThisJvm() {
        return EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("."), "127.0.0.1", 0,
                                         Durability.COMMIT);
    }

    static StoreProcessHandle start(String name, Path dataDirectory) throws Exception {
        StoreProcessHandle store = new StoreProcessHandle(name, dataDirectory, ServiceProcess.freePort());
        store.restart();
        return store;
    }

    /** Starts the store (again) on its port and data folder and waits until it prints {@code READY}. */
    void restart() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        Path jar = Path.of(System.getProperty("tandem.eventStoreJar", "missing-tandem.eventStoreJar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build event-store first (mvn -B verify builds it)");
        }
        Path log = Path.of(System.getProperty("tandem.artifacts", "target"), name + ".log");
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                                     "-jar", jar.toString(), "--data-dir=" + dataDirectory, "--port=" + port,
                                     "--backend=h2")
                .redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> drain(process, log, ready), name + "-output");
        drain.setDaemon(true);
        drain.start();
        ready.get(60, TimeUnit.SECONDS);
    }

    private static void drain(Process process, Path log, CompletableFuture<Void> ready) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardOpenOption.CREATE,
                                                                       StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
                if (line.startsWith("READY ")) {
                    ready.complete(null);
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

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
