package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes leave a collection's meta map alone (no running size total to keep), and {@code collStats} still reports
 * the documents' size, measured when asked.
 */
class SizeOnDemandCollectionTest {

    @TempDir
    Path data;

    @Test
    void writesDoNotTouchTheMetaMapAndCollStatsMeasuresTheDocuments() {
        DurableH2Backend backend = DurableH2Backend.open(data.resolve("store.mv.db").toString(), Durability.COMMIT);
        MongoServer server = new MongoServer(backend);
        int port = server.bind().getPort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase database = client.getDatabase("test");
            MongoCollection<Document> things = database.getCollection("things");
            things.insertOne(new Document("_id", 0L).append("text", "created with the collection"));
            MVMap<String, Object> meta = backend.getMvStore().openMap("meta.test.things");
            Page<String, Object> metaBefore = meta.getRootPage();

            for (long i = 1; i <= 50; i++) {
                things.insertOne(new Document("_id", i).append("text", "x".repeat((int) i))
                        .append("tags", new ArrayList<>(List.of("a", "b"))));
            }
            things.updateOne(Filters.eq("_id", 7L), Updates.set("text", "y".repeat(500)));
            things.updateOne(Filters.eq("_id", 8L), Updates.unset("tags"));
            things.replaceOne(Filters.eq("_id", 9L), new Document("_id", 9L).append("n", 1));
            things.deleteOne(Filters.eq("_id", 10L));

            assertThat(meta.getRootPage()).as("the meta map after 50 inserts, 3 updates, 1 delete")
                    .isSameAs(metaBefore);
            long expected = 0;
            for (Document document : things.find()) {
                expected += new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
            }
            Document stats = database.runCommand(new Document("collStats", "things"));
            assertThat(stats.get("count", Number.class).longValue()).isEqualTo(50);
            assertThat(stats.get("size", Number.class).longValue()).isEqualTo(expected).isGreaterThan(500);
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
