package io.tandem.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write command is all or nothing across a SIGKILL of the embedded store, even while other writers' commits are
 * being written: four writers insert batches of documents (one {@code insert} command each, as a multi-event append
 * is) into a collection with a unique index; the store is killed mid-write and restarted, three times. Every batch
 * found must be whole, and every document must be found through the index as well as by a scan.
 */
class WritesStayWholeAcrossSigkillTest {

    private static final int WRITERS = 4;
    private static final int BATCH = 25;
    private static final int ROUNDS = 3;

    @TempDir
    Path dataDirectory;

    @Test
    void everyBatchIsWholeAndIndexedAfterEachKill() throws Exception {
        AtomicInteger nextBatch = new AtomicInteger();
        for (int round = 1; round <= ROUNDS; round++) {
            int batchesBefore = nextBatch.get();
            try (StoreProcess store = StoreProcess.start(dataDirectory);
                 MongoClient client = MongoClients.create(
                         store.connectionString() + "/?serverSelectionTimeoutMS=2000")) {
                MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
                things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
                for (int w = 0; w < WRITERS; w++) {
                    pool.submit(() -> {
                        while (true) {
                            int batch = nextBatch.getAndIncrement();
                            try {
                                things.insertMany(batch(batch));
                            } catch (RuntimeException storeGone) {
                                return;
                            }
                        }
                    });
                }
                await().atMost(Duration.ofMinutes(1)).until(() -> nextBatch.get() - batchesBefore >= 80);
                assertThat(store.kill()).as("round %d: killed mid-write", round).isEqualTo(128 + 9);
                pool.shutdown();
                assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }

            try (StoreProcess store = StoreProcess.start(dataDirectory);
                 MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
                Map<Integer, Integer> sizes = new HashMap<>();
                List<String> keys = new ArrayList<>();
                for (Document document : things.find(Filters.exists("batch"))) {
                    sizes.merge(document.getInteger("batch"), 1, Integer::sum);
                    keys.add(document.getString("key"));
                }
                assertThat(sizes).as("round %d: batches stored", round).isNotEmpty();
                assertThat(sizes.values()).as("round %d: documents per stored batch", round).containsOnly(BATCH);
                for (String key : keys) {
                    assertThat(things.find(Filters.eq("key", key)).first()).as("round %d: %s by its index", round, key)
                                                                           .isNotNull();
                }
                assertThat(things.countDocuments()).isEqualTo(keys.size());
            }
        }
    }

    private static List<Document> batch(int batch) {
        List<Document> documents = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            documents.add(new Document("batch", batch).append("key", batch + "-" + i)
                                                      .append("payload", "x".repeat(300)));
        }
        return documents;
    }
}
