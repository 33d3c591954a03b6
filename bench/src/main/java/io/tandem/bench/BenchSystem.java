package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tandem as the zero-setup run starts it, for one benchmark: the store as its own process on a fresh H2 file
 * (default durability) in a temporary folder, then the command side and the query side as their own processes on
 * it. Logs go to {@code bench/target/<name>-store.log} etc.; closing stops all and deletes the folder.
 */
final class BenchSystem implements AutoCloseable {

    /** JVM options of the services in the throughput benchmarks: the heap of the zero-setup run, the full JIT. */
    static final List<String> SERVICE_JVM = List.of("-Xmx512m");
    /** JVM options of the store process, as {@code ./run.sh} starts it: ZGC with room to collect concurrently. */
    static final List<String> STORE_JVM = List.of("-Xmx2g", "-XX:+UseZGC");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    final String name;
    final Path data;
    final ServiceProcess store;
    ServiceProcess commandSide;
    ServiceProcess querySide;
    TandemHttp commands;
    TandemHttp queries;

    private BenchSystem(String name, Path data, ServiceProcess store) {
        this.name = name;
        this.data = data;
        this.store = store;
    }

    static BenchSystem start(String name) throws Exception {
        Path data = Files.createTempDirectory("tandem-bench-" + name + "-");
        ServiceProcess store = ServiceProcess.store(data, STORE_JVM, log(name, "store"));
        double seconds = store.awaitReady(READY_TIMEOUT);
        System.out.printf(Locale.ROOT, "store ready on port %d in %.1f s (data in %s)%n", store.port(), seconds, data);
        return new BenchSystem(name, data, store);
    }

    static Path log(String benchmark, String service) {
        return Path.of("bench", "target", benchmark + "-" + service + ".log");
    }

    /** Starts the command side and/or the query side (both at once when both are asked for) and waits for them. */
    void startServices(boolean commandSide, boolean querySide, List<String> queryJvm) throws Exception {
        List<ServiceProcess> started = new ArrayList<>();
        if (commandSide) {
            this.commandSide = ServiceProcess.service("command-side", ServiceProcess.COMMAND_JAR, store.mongoUri(),
                    SERVICE_JVM, log(name, "command-side"), "--tandem.demo.seed=false");
            commands = new TandemHttp(this.commandSide.baseUrl());
            started.add(this.commandSide);
        }
        if (querySide) {
            this.querySide = ServiceProcess.service("query-side", ServiceProcess.QUERY_JAR, store.mongoUri(),
                    queryJvm, log(name, "query-side"));
            queries = new TandemHttp(this.querySide.baseUrl());
            started.add(this.querySide);
        }
        for (ServiceProcess service : started) {
            System.out.printf(Locale.ROOT, "%s ready on port %d in %.1f s (log: %s)%n", service.name, service.port(),
                    service.awaitReady(READY_TIMEOUT), service.log);
        }
    }

    URI liveEndpoint() {
        return URI.create("ws://127.0.0.1:" + querySide.port() + "/ws");
    }

    /**
     * Waits until the query side's dashboard of every product shows the expected version (the number of the
     * product's events), product after product, printing progress every 10 s; answers the seconds it took.
     */
    double awaitDashboards(Map<String, Long> expectedVersions) throws Exception {
        long started = System.nanoTime();
        long lastPrint = started;
        long total = expectedVersions.values().stream().mapToLong(Long::longValue).sum();
        long done = 0;
        for (Map.Entry<String, Long> product : expectedVersions.entrySet()) {
            while (true) {
                long version = dashboardVersion(product.getKey());
                if (version >= product.getValue()) {
                    break;
                }
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT, "  query side catching up: about %d of %d events (%.0f s)%n",
                            done + Math.max(0, version), total, seconds);
                    lastPrint = System.nanoTime();
                }
                Thread.sleep(200);
            }
            done += product.getValue();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    long dashboardVersion(String productId) throws IOException, InterruptedException {
        HttpResponse<String> response = queries.get("pm", "/api/products/" + productId + "/dashboard");
        if (response.statusCode() != 200) {
            return -1;
        }
        JsonNode dashboard = TandemHttp.JSON.readTree(response.body());
        return dashboard.path("version").asLong(-1);
    }

    /** The query side's heap in use (MiB) right after a full collection, via jcmd; NaN if that is not possible. */
    double liveHeapMiB() {
        try {
            Process gc = new ProcessBuilder("jcmd", Long.toString(querySide.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor();
        } catch (IOException | InterruptedException unavailable) {
            return Double.NaN;
        }
        return queries.metric("jvm.memory.used", "area:heap") / (1 << 20);
    }

    /** The processes started so far: the query side, the command side, the store. */
    List<ServiceProcess> processes() {
        return Stream.of(querySide, commandSide, store).filter(s -> s != null).toList();
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : processes()) {
            service.close();
        }
        Path storeFile = data.resolve(EmbeddedMongoServer.STORE_FILE);
        if (Files.exists(storeFile)) {
            System.out.printf(Locale.ROOT, "store file at the end: %,d MB%n", Files.size(storeFile) >> 20);
        }
        TempFolder.delete(data);
    }
}
