package io.tandem.query.decisions;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.UUID;

/** One in-memory embedded MongoDB-compatible server for the read model tests, a fresh database per call. */
public final class MongoTestSupport {

    private static EmbeddedMongoServer server;
    private static MongoClient client;

    private MongoTestSupport() {
    }

    /** A new, empty database on the shared embedded server (started on first use, stopped with the JVM). */
    public static synchronized MongoDatabase freshDatabase() {
        if (server == null) {
            server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("."), "127.0.0.1", 0,
                    Durability.COMMIT);
            client = MongoClients.create(server.connectionString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                server.close();
            }));
        }
        return client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
    }
}
