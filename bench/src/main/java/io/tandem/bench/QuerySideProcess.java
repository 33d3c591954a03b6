package io.tandem.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** The query side as its own process on a store, signed in as the demo's pm, as the zero-setup run starts it. */
final class QuerySideProcess implements AutoCloseable {

    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("pm:demo".getBytes(StandardCharsets.UTF_8));

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private QuerySideProcess(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static QuerySideProcess start(Path jar, String storeUri, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the query side first: " + jar + " is missing (bench/run.sh does)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of("java", "-Daxoniq.update-checker.disabled=true", "-Xmx1g",
                "-jar", jar.toString(), "--server.port=" + port, "--spring.profiles.active=demo",
                "--tandem.store.embedded.enabled=false", "--tandem.store.uri=" + storeUri))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new QuerySideProcess(process, port);
    }

    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The query side exited with " + process.exitValue());
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The query side was not ready within " + timeout);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", AUTHORIZATION)
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
