package io.tandem.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's files, read from the repository root ({@code tandem.repository}, set by the module's pom). */
final class Repository {

    private Repository() {
    }

    static Path path(String relative) {
        Path root = Path.of(System.getProperty("tandem.repository", "..")).toAbsolutePath().normalize();
        return root.resolve(relative);
    }

    static boolean exists(String relative) {
        return Files.isRegularFile(path(relative));
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " from the repository root", e);
        }
    }
}
