package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable backend opens unique indexes and collections with its own types: a store written by mongo-java-server's
 * stock H2 backend must open and answer through its indexes unchanged, and keep what it held and what was added when
 * opened again. (The stock backend cannot read documents written since: they are BSON, {@link DocumentValueType}.)
 */
class IndexedH2DatabaseTest {

    private static final int DOCUMENTS = 500;

    @TempDir
    Path data;

    @Test
    void aStoreWrittenByTheStockBackendIsServedByItsUniqueIndexesAndKeepsEverythingWhenReopened() {
        String file = data.resolve("store.mv.db").toString();
        withStore(new H2Backend(MVStore.open(file)), things -> {
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            things.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
            for (int i = 0; i < DOCUMENTS; i++) {
                things.insertOne(new Document("_id", (long) i).append("key", "key-" + i)
                        .append("ref", new Document("n", i).append("kind", "sub")));
            }
        });

        withStore(DurableH2Backend.open(file, Durability.COMMIT), things -> {
            for (int i = 0; i < DOCUMENTS; i++) {
                Document found = things.find(Filters.eq("key", "key-" + i)).first();
                assertThat(found).as("key-%d", i).isNotNull();
                assertThat(found.getLong("_id")).isEqualTo((long) i);
                assertThat(things.find(Filters.eq("_id", (long) i)).first()).isNotNull();
                assertThat(things.find(Filters.eq("ref", new Document("n", i).append("kind", "sub"))).first())
                        .as("document key %d", i).isNotNull();
            }
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 10_000L).append("key", "key-7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            for (int i = DOCUMENTS; i < 2 * DOCUMENTS; i++) {
                things.insertOne(new Document("_id", (long) i).append("key", "key-" + i)
                        .append("ref", new Document("n", i).append("kind", "sub")));
            }
        });

        withStore(DurableH2Backend.open(file, Durability.COMMIT), things -> {
            for (int i = 0; i < 2 * DOCUMENTS; i++) {
                Document found = things.find(Filters.eq("key", "key-" + i)).first();
                assertThat(found).as("key-%d", i).isNotNull();
                assertThat(found.get("ref", Document.class)).isEqualTo(new Document("n", i).append("kind", "sub"));
            }
            assertThat(things.countDocuments()).isEqualTo(2 * DOCUMENTS);
        });
    }

    private static void withStore(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        int port = server.bind().getPort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            work.accept(client.getDatabase("test").getCollection("things"));
        } finally {
            server.shutdownNow();
            if (backend instanceof H2Backend h2) {
                h2.getMvStore().commit();
                h2.getMvStore().close();
            }
        }
    }
}
