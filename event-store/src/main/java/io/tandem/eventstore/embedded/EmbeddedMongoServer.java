package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zero-setup store: mongo-java-server listening on a loopback port, reached through the real MongoDB driver like
 * a real server. {@link Backend#H2} keeps the data in a folder and is durable for acknowledged writes
 * ({@link DurableH2Backend}); {@link Backend#MEMORY} is for tests.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** Where the embedded server keeps its data. */
    public enum Backend { H2, MEMORY }

    /** The store file inside the data folder. */
    public static final String STORE_FILE = "tandem.mv.db";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts a server with H2's page cache at its default size ({@link DurableH2Backend#DEFAULT_CACHE_MB}). */
    public static EmbeddedMongoServer start(Backend backend, Path dataDirectory, String host, int port,
                                            Durability durability) {
        return start(backend, dataDirectory, host, port, durability, DurableH2Backend.DEFAULT_CACHE_MB);
    }

    /**
     * Starts a server. {@code port} 0 picks a free port; {@code dataDirectory}, {@code durability} and
     * {@code cacheMb} (H2's page cache, in MB) are used by the H2 backend only.
     */
    public static EmbeddedMongoServer start(Backend backend, Path dataDirectory, String host, int port,
                                            Durability durability, int cacheMb) {
        MongoBackend mongoBackend = switch (backend) {
            case MEMORY -> new SerializedMemoryBackend();
            case H2 -> DurableH2Backend.open(storeFile(dataDirectory).toString(), durability, cacheMb);
        };
        MongoServer server = new MongoServer(mongoBackend);
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded store ({}) listening on {}:{}{}", backend, address.getHostString(), address.getPort(),
                 backend == Backend.H2
                         ? ", data in " + dataDirectory.toAbsolutePath() + ", " + durability + ", cache "
                           + cacheMb + " MB"
                         : "");
        return new EmbeddedMongoServer(server, address);
    }

    private static Path storeFile(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDirectory, e);
        }
        return dataDirectory.resolve(STORE_FILE);
    }

    public int port() {
        return address.getPort();
    }

    /** A connection string for the driver, e.g. {@code mongodb://127.0.0.1:27018}. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
