package io.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code ./run.sh} of the repository root on a fresh data folder and free ports ({@code TANDEM_DATA_DIR},
 * {@code TANDEM_STORE_PORT}, {@code COMMAND_PORT}, {@code QUERY_PORT}); ready when it prints the dashboard URL.
 * Closing stops it the way Ctrl-C does (it stops its three processes) and then makes sure none is left.
 */
final class RunShLaunch implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final Path data;
    private final long launched;

    private RunShLaunch(Process process, Path output, Path data, long launched) {
        this.process = process;
        this.output = output;
        this.data = data;
        this.launched = launched;
    }

    static RunShLaunch start(Path output) throws IOException {
        Path data = Files.createTempDirectory("tandem-bench-run-sh-");
        Files.createDirectories(output.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder("./run.sh").redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("TANDEM_DATA_DIR", data.toString());
        env.put("TANDEM_STORE_PORT", Integer.toString(ServiceProcess.freePort()));
        env.put("COMMAND_PORT", Integer.toString(ServiceProcess.freePort()));
        env.put("QUERY_PORT", Integer.toString(ServiceProcess.freePort()));
        long launched = System.nanoTime();
        return new RunShLaunch(builder.start(), output, data, launched);
    }

    /** Seconds from the launch until {@code Dashboard:} is printed. */
    double awaitDashboardUrl() throws Exception {
        long deadline = launched + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.readString(output).contains("Dashboard:")) {
                return (System.nanoTime() - launched) / 1e9;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("./run.sh exited with " + process.exitValue() + "; see " + output);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("./run.sh printed no dashboard URL within 10 minutes; see " + output);
    }

    /** Whether run.sh built the jars before starting (they were older than the sources). */
    boolean built() throws IOException {
        return Files.readString(output).contains("Building Tandem");
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                child.destroyForcibly();
            }
        }
        TempFolder.delete(data);
    }
}
