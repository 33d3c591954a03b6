package io.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder deleted with everything in it when closed: the store files the benchmarks write run to
 * gigabytes, and folders left behind by earlier runs had filled the disk. Opened first in a try-with-resources, it is
 * deleted after the store that wrote it has closed.
 */
record TempFolder(Path path) implements AutoCloseable {

    static TempFolder create(String prefix) throws IOException {
        return new TempFolder(Files.createTempDirectory(prefix));
    }

    /** Deletes the folder and everything in it. */
    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Override
    public void close() throws IOException {
        delete(path);
    }
}
