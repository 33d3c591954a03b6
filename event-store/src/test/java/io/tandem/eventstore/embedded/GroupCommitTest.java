package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
