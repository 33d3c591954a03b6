package io.tandem.bench;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One part of Tandem started from its jar as its own JVM, as {@code ./run.sh} starts it: the embedded store
 * (ready when it prints {@code READY <port>}), the command side or the query side (ready when
 * {@code /actuator/health/readiness} answers 200). Output goes to a log file under {@code bench/target}.
 */
final class ServiceProcess implements AutoCloseable {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final Path STORE_JAR = Path.of("event-store", "target", "event-store-" + VERSION + "-exec.jar");
    static final Path COMMAND_JAR = Path.of("command-side", "target", "command-side-" + VERSION + ".jar");
    static final Path QUERY_JAR = Path.of("query-side", "target", "query-side-" + VERSION + ".jar");
    /** The JVM options of {@code ./run.sh} besides {@link #GC_JVM}. */
    static final List<String> RUN_SH_JVM = List.of("-XX:TieredStopAtLevel=1", "-Xmx512m");
    /**
     * The JVM options {@code ./run.sh} gives the store. {@link #GC_JVM} is added here as to every process, though
     * {@code ./run.sh} does not give it to the store: G1's pause goal means nothing to ZGC.
     */
    static final List<String> RUN_SH_STORE_JVM = Stream.concat(Stream.of("-XX:TieredStopAtLevel=1"),
            BenchSystem.STORE_JVM.stream()).toList();
    /**
     * The garbage collector's pause goal that {@code ./run.sh} and the service images give every process, so every
     * process launched here gets it too (before {@code BENCH_JVM_OPTIONS}, which may override it).
     */
    static final List<String> GC_JVM = List.of("-XX:MaxGCPauseMillis=20");

    private static final Pattern READY = Pattern.compile("^READY (\\d+)", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final Process process;
    final Path log;
    final long launchedNanos;
    private final boolean printsReady;
    private volatile int port;

    private ServiceProcess(String name, Process process, Path log, int port, long launchedNanos) {
        this.name = name;
        this.printsReady = port == 0;
        this.process = process;
        this.log = log;
        this.port = port;
        this.launchedNanos = launchedNanos;
    }

    /** The store on {@code dataDir} (H2, default durability) on a free loopback port, known once it is ready. */
    static ServiceProcess store(Path dataDir, List<String> jvmOptions, Path log) throws IOException {
        return launch("store", STORE_JAR, jvmOptions, List.of("--data-dir=" + dataDir, "--port=0"), log, 0);
    }

    /** The command side (demo users, no demo seed) or the query side on a free port, using the store at the URI. */
    static ServiceProcess service(String name, Path jar, String storeUri, List<String> jvmOptions, Path log,
            String... extraArgs) throws IOException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.profiles.active=demo",
                "--tandem.store.embedded.enabled=false", "--tandem.store.uri=" + storeUri));
        args.addAll(List.of(extraArgs));
        return launch(name, jar, jvmOptions, args, log, port);
    }

    /**
     * Extra JVM options for every process the harness launches, from {@code BENCH_JVM_OPTIONS} (split at spaces;
     * {@code {name}} becomes the process's name), e.g. a flight recording per process:
     * {@code -XX:StartFlightRecording=filename=bench/target/{name}.jfr,settings=profile}.
     */
    static List<String> profilingOptions(String name) {
        String options = System.getenv().getOrDefault("BENCH_JVM_OPTIONS", "").trim();
        return options.isEmpty() ? List.of()
                : Arrays.stream(options.split("\\s+")).map(option -> option.replace("{name}", name)).toList();
    }

    private static ServiceProcess launch(String name, Path jar, List<String> jvmOptions, List<String> args, Path log,
            int port) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build Tandem first: " + jar + " is missing (bench/run.sh builds it)");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(GC_JVM);
        command.addAll(jvmOptions);
        command.addAll(profilingOptions(name));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(name, process, log, port, launched);
    }

    /** Waits until ready and answers the seconds from launch to ready. */
    double awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isReady()) {
                return (System.nanoTime() - launchedNanos) / 1e9;
            }
            Thread.sleep(printsReady ? 20 : 50);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private boolean isReady() throws IOException, InterruptedException {
        if (printsReady) {
            Matcher ready = READY.matcher(Files.readString(log));
            if (ready.find()) {
                port = Integer.parseInt(ready.group(1));
                return true;
            }
            return false;
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The store's connection string (for the store process). */
    String mongoUri() {
        return "mongodb://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
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
}
