package io.tandem.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of a reliability test: one line {@code RELIABILITY <test> key=value ...} on stdout and appended to
 * {@code target/reliability.txt}. {@code -Dtandem.reliability.heavy=true} (Maven profile {@code reliability})
 * makes the tests run longer with more clients and faults.
 */
final class ReliabilityReport {

    private final String test;
    private final long startedAt = System.nanoTime();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    ReliabilityReport(String test) {
        this.test = test;
    }

    static boolean heavy() {
        return Boolean.parseBoolean(System.getProperty("tandem.reliability.heavy", "false"));
    }

    /** The first value in a normal run, the second in a heavy run. */
    static int scaled(int normal, int heavy) {
        return heavy() ? heavy : normal;
    }

    ReliabilityReport put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** Prints the line with the seconds since this report was made, and returns it. */
    String print() {
        figures.put("seconds", (System.nanoTime() - startedAt) / 1_000_000_000L);
        String line = "RELIABILITY " + test + " " + figures.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        System.out.println(line);
        try {
            Path file = Path.of(System.getProperty("tandem.artifacts", "target"), "reliability.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE,
                              StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }
}
