package io.tandem.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;

import java.nio.file.Path;
import java.util.UUID;

/** An embedded in-memory server on a loopback port and a real driver client to it, for one test class. */
final class MemoryStore implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;

    MemoryStore(CommandListener... listeners) {
        server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("."), "127.0.0.1", 0,
                                            Durability.COMMIT);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        client = MongoClients.create(settings.build());
    }

    MongoClient client() {
        return client;
    }

    /** A fresh database, so that tests do not see each other's events. */
    MongoDatabase freshDatabase() {
        return client.getDatabase("test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    SequencedMongoEventStorageEngine.Builder engineOn(MongoDatabase database) {
        return SequencedMongoEventStorageEngine.builder().client(client).collections(EventStoreCollections.in(database));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
