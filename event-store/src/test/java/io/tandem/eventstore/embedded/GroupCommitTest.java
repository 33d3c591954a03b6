package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the durable H2 backend writes its file: before each journaled write's reply, shared by concurrent writers. */
class GroupCommitTest {

    @TempDir
    Path data;

    DurableH2Backend backend;
    MongoServer server;
    MongoClient client;
    MongoCollection<Document> things;

    @BeforeEach
    void start() {
        backend = DurableH2Backend.open(data.resolve("store.mv.db").toString(), Durability.COMMIT);
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        things = client.getDatabase("test").getCollection("things");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyAcknowledgedWriteIsInTheFileBeforeItsReply() {
        long before = backend.commits();

        for (int i = 0; i < 10; i++) {
            things.insertOne(new Document("n", i));
            assertThat(backend.hasUncommittedChanges()).as("after write %d", i).isFalse();
        }

        assertThat(backend.commits() - before).as("one writer: one commit per write").isEqualTo(10);
    }

    @Test
    void aWriteWithoutJournalIsAcknowledgedAtOnceAndTheNextJournaledWriteCommitsIt() {
        MongoCollection<Document> unjournaled = things.withWriteConcern(WriteConcern.W1.withJournal(false));
        long before = backend.commits();

        unjournaled.insertOne(new Document("n", 1));
        unjournaled.insertOne(new Document("n", 2));

        assertThat(backend.hasUncommittedChanges()).isTrue();
        assertThat(backend.commits()).isEqualTo(before);

        things.insertOne(new Document("n", 3));

        assertThat(backend.hasUncommittedChanges()).isFalse();
        assertThat(backend.commits() - before).isEqualTo(1);
    }

    /**
     * H2 takes the state of each map in turn when it commits, so a commit that started while a write ran could keep
     * part of it; and writes go on once a commit writes pages. Copies of the file taken while batches are inserted
     * (and another writer commits all the time) must each open at a commit that holds whole batches, with the unique
     * index matching the documents.
     */
    @Test
    void everyCommitInTheFileHoldsWholeWrites() throws Exception {
        int batch = 100;
        things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        MongoCollection<Document> others = client.getDatabase("test").getCollection("others");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger batches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int w = 0; w < 2; w++) {
            pool.submit(() -> {
                while (writing.get()) {
                    int n = batches.getAndIncrement();
                    List<Document> documents = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        documents.add(new Document("key", n + "-" + i).append("payload", "x".repeat(200)));
                    }
                    things.insertMany(documents);
                }
                return null;
            });
        }
        pool.submit(() -> {
            for (int i = 0; writing.get(); i++) {
                others.insertOne(new Document("n", i));
            }
            return null;
        });
        List<long[]> seen = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> batches.get() > 4);
            for (int copy = 0; copy < 30; copy++) {
                Path snapshot = data.resolve("copy-" + copy + ".mv.db");
                Files.copy(data.resolve("store.mv.db"), snapshot);
                MVStore copied = MVStore.open(snapshot.toString());
                try {
                    seen.add(new long[] {size(copied, "databases.test.things"),
                                         size(copied, "test.things._index_key_1")});
                } finally {
                    copied.close();
                }
            }
        } finally {
            writing.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(seen).as("copies that held batches").anyMatch(counts -> counts[0] > 0);
        for (long[] counts : seen) {
            assertThat(counts[0] % batch).as("documents in a copy (%d): whole batches only", counts[0]).isZero();
            assertThat(counts[1]).as("index entries in a copy").isEqualTo(counts[0]);
        }
    }

    private static long size(MVStore store, String map) {
        return store.hasMap(map) ? store.openMap(map).sizeAsLong() : 0;
    }

    @Test
    void concurrentWritersShareCommitsAndEachWriteIsInTheFileBeforeItsReply() throws Exception {
        int writers = 8;
        int each = 200;
        long before = backend.commits();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Long>> commitsSeenAfterWrites = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            commitsSeenAfterWrites.add(pool.submit(() -> {
                long seen = 0;
                for (int i = 0; i < each; i++) {
                    long commitsBefore = backend.commits();
                    things.insertOne(new Document("writer", writer).append("n", i));
                    // The reply waited for a commit that started after this write finished.
                    seen += backend.commits() > commitsBefore ? 1 : 0;
                }
                return seen;
            }));
        }
        long repliesAfterACommit = 0;
        for (Future<Long> future : commitsSeenAfterWrites) {
            repliesAfterACommit += future.get();
        }
        pool.shutdown();

        assertThat(things.countDocuments()).isEqualTo((long) writers * each);
        assertThat(repliesAfterACommit).as("every reply came after a commit").isEqualTo((long) writers * each);
        assertThat(backend.commits() - before).as("commits were shared").isLessThan((long) writers * each);
        assertThat(backend.hasUncommittedChanges()).isFalse();
    }
}
