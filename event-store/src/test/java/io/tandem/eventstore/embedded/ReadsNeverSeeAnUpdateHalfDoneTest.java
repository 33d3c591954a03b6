package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class ReadsNeverSeeAnUpdateHalfDoneTest {

    private static final int FIELDS = 200;

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(EmbeddedMongoServer.Backend.class)
    void aReadAnswersTheDocumentAsItWasBeforeOrAfterAReplaceNeverAMix(EmbeddedMongoServer.Backend backend)
            throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(backend, data, "127.0.0.1", 0, Durability.COMMIT);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("race").getCollection("documents");
            documents.insertOne(version(0));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<?> writer = threads.submit(() -> {
                    for (int v = 1; v <= 3000; v++) {
                        documents.replaceOne(Filters.eq("_id", 1), version(v));
                    }
                    writing.set(false);
                    return null;
                });
                List<Future<Set<String>>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(threads.submit(() -> {
                        Set<String> mixed = new HashSet<>();
                        while (writing.get()) {
                            Document read = documents.find(Filters.eq("_id", 1)).first();
                            Set<Object> values = new HashSet<>();
                            for (int f = 0; f < FIELDS; f++) {
                                values.add(read.get("f" + f));
                            }
                            if (values.size() != 1 || !values.contains(read.get("v"))) {
                                mixed.add("version " + read.get("v") + " with field values " + values);
                            }
                        }
                        return mixed;
                    }));
                }
                writer.get();
                for (Future<Set<String>> reader : readers) {
                    assertThat(reader.get()).as("reads that saw part of a replace").isEmpty();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static Document version(int v) {
        Document document = new Document("_id", 1).append("v", v);
        for (int f = 0; f < FIELDS; f++) {
            document.append("f" + f, v);
        }
        return document;
    }
}
