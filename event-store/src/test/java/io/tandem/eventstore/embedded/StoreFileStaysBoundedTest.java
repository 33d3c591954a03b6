package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged write is its own H2 commit, and every commit a new chunk of the file: without housekeeping the
 * file grew by about 65 KB per commit for good. With it (here on a 50 ms round and 200 ms retention instead of 1 s and
 * 5 s, so that the test is short), the file stays within a bound set by the live data and the retention window.
 */
class StoreFileStaysBoundedTest {

    private static final int WRITES = 4000;
    private static final String PAYLOAD = "p".repeat(600);

    @TempDir
    Path data;

    @Test
    void singleDocumentCommitsReuseTheFileInsteadOfGrowingItPerWrite() {
        MVStore mvStore = new MVStore.Builder().fileName(data.resolve("store.mv.db").toString())
                                               .autoCommitDisabled().open();
        DurableH2Backend backend = new DurableH2Backend(mvStore, Durability.COMMIT, Duration.ofMillis(50),
                                                        Duration.ofMillis(200));
        MongoServer server = new MongoServer(backend);
        long largestFile = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            for (int i = 1; i <= WRITES; i++) {
                events.insertOne(new Document("_id", (long) i).append("streamKey", "aggregate-" + i % 50 + "#" + i)
                                         .append("eventId", UUID.randomUUID().toString()).append("payload", PAYLOAD));
                largestFile = Math.max(largestFile, mvStore.getFileStore().size());
            }

            assertThat(largestFile).as("largest file size, bytes, for %d writes of ~700 bytes", WRITES)
                                   .isLessThan(64L << 20);
            assertThat(chunks(mvStore)).as("chunks in the file").isLessThan(WRITES / 2);
            assertThat(events.countDocuments()).isEqualTo(WRITES);
            assertThat(events.find(Filters.eq("streamKey", "aggregate-7#7")).first()).isNotNull();
        } finally {
            server.shutdownNow();
        }
        MVStore reopened = MVStore.open(data.resolve("store.mv.db").toString());
        try {
            assertThat(reopened.<Object, Object>openMap("databases.test.events").size()).isEqualTo(WRITES);
        } finally {
            reopened.close();
        }
    }

    /**
     * Closing the store while a housekeeping round forces the file to disk or compacts must not interrupt it: an
     * interrupt during NIO file I/O closes H2's file channel, and the store could no longer write its clean shutdown.
     */
    @Test
    void closingWhileHousekeepingRunsShutsTheStoreDownCleanly() {
        Path file = data.resolve("closing.mv.db");
        for (int round = 0; round < 20; round++) {
            MVStore mvStore = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
            DurableH2Backend backend = new DurableH2Backend(mvStore, Durability.COMMIT, Duration.ofMillis(1),
                                                            Duration.ofMillis(10));
            MongoServer server = new MongoServer(backend);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
                MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
                for (int i = 0; i < 50; i++) {
                    things.insertOne(new Document("round", round).append("payload", PAYLOAD));
                }
            }
            server.shutdownNow(); // closes the backend and the store: throws if the file channel was closed
            assertThat(mvStore.isClosed()).as("round %d", round).isTrue();
        }
        MVStore reopened = MVStore.open(file.toString());
        try {
            assertThat(reopened.<Object, Object>openMap("databases.test.things").size()).isEqualTo(20 * 50);
        } finally {
            reopened.close();
        }
    }

    private static long chunks(MVStore store) {
        return store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }
}
