package io.tandem.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** One Tandem service started from its jar as a separate JVM, its output in {@code target/<name>.log}. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, String jarProperty, String storeUri, String... extraArgs)
            throws IOException {
        return startOnPort(freePort(), name, jarProperty, storeUri, extraArgs);
    }

    /** Starts the service on a given port: a restart after {@link #kill()} keeps the address its clients use. */
    static ServiceProcess startOnPort(int port, String name, String jarProperty, String storeUri,
            String... extraArgs) throws IOException {
        Path jar = Path.of(System.getProperty(jarProperty, "missing-" + jarProperty));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (mvn -B verify builds them)");
        }
        Path log = Path.of(System.getProperty("tandem.artifacts", "target"), name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--tandem.demo.seed=false",
                "--tandem.store.embedded.enabled=false",
                "--tandem.store.uri=" + storeUri,
                "--tandem.live.allowed-origins=http://127.0.0.1:" + port + ",http://localhost:" + port));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(log.toFile()).start();
        return new ServiceProcess(name, process, port, log);
    }

    /** Waits until the service answers its readiness probe. */
    ServiceProcess awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        await(name + " ready (see " + log + ")").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited early, see " + log);
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(readiness).build(),
                                         HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYetListening) {
                        return false;
                    }
                });
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** How many lines of the service's output so far contain {@code text}. */
    long logLinesContaining(String text) throws IOException {
        try (java.util.stream.Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    int port() {
        return port;
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, no released claims, connections cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until every one of the services answers its readiness probe, all at once. */
    static void awaitAllReady(ServiceProcess... services) {
        CompletableFuture.allOf(Arrays.stream(services)
                .map(service -> CompletableFuture.runAsync(service::awaitReady))
                .toArray(CompletableFuture[]::new)).join();
    }
}
