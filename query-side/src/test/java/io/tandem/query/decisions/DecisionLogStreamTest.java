package io.tandem.query.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export's source: a cursor that hands out entries one by one, fetching a bounded batch per round trip. */
class DecisionLogStreamTest {

    private static final int ENTRIES = 3_000;

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static final List<Document> commands = new CopyOnWriteArrayList<>();

    private DecisionLogQueries queries;
    private MongoDatabase database;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("."), "127.0.0.1", 0,
                Durability.COMMIT);
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find") || event.getCommandName().equals("getMore")) {
                    commands.add(Document.parse(event.getCommand().toJson()));
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(recorder).build());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void manyEntriesInsertedDirectly() {
        database = client.getDatabase("stream_" + System.nanoTime());
        queries = new DecisionLogQueries(database);
        List<Document> documents = new ArrayList<>();
        // inserted out of order, and with another product's entries in between
        for (int i = ENTRIES; i >= 1; i--) {
            documents.add(document("p1", i, i % 3 == 0 ? "pm" : "po"));
            if (i % 10 == 0) {
                documents.add(document("p2", ENTRIES + i, "po"));
            }
        }
        database.getCollection(DecisionLogRepository.COLLECTION).insertMany(documents);
        commands.clear();
    }

    @Test
    void handsOutEveryMatchingEntryInPositionOrder() {
        List<Long> positions = new ArrayList<>();

        queries.stream("p1", new DecisionLogFilter("pm", null, null, null, null, null),
                entry -> positions.add(entry.globalPosition()));

        assertThat(positions).hasSize(ENTRIES / 3).isSorted().doesNotHaveDuplicates()
                .allSatisfy(position -> assertThat(position % 3).isZero());
    }

    @Test
    void readsFromACursorInBoundedBatchesWhileTheSinkConsumes() {
        List<Integer> roundTripsSeenAt = new ArrayList<>();
        long[] count = {0};

        queries.stream("p1", DecisionLogFilter.none(), entry -> {
            count[0]++;
            if (count[0] == 1 || count[0] == ENTRIES) {
                roundTripsSeenAt.add(commands.size());
            }
        });

        int batch = DecisionLogQueries.STREAM_BATCH_SIZE;
        assertThat(count[0]).isEqualTo(ENTRIES);
        assertThat(commands.get(0).getString("find")).isEqualTo(DecisionLogRepository.COLLECTION);
        assertThat(commands.get(0).getInteger("batchSize")).isEqualTo(batch);
        assertThat(commands.subList(1, commands.size())).isNotEmpty()
                .allSatisfy(getMore -> assertThat(getMore.getInteger("batchSize")).isEqualTo(batch));
        // the first entry reached the sink after one round trip, not after the whole log was fetched
        assertThat(roundTripsSeenAt.get(0)).isEqualTo(1);
        assertThat(roundTripsSeenAt.get(1)).isGreaterThanOrEqualTo(ENTRIES / batch);
    }

    @Test
    void closesTheCursorWhenTheSinkFails() {
        long[] count = {0};

        assertThatThrownBy(() -> queries.stream("p1", DecisionLogFilter.none(), entry -> {
            if (++count[0] == 10) {
                throw new IllegalStateException("client went away");
            }
        })).hasMessage("client went away");

        assertThat(count[0]).isEqualTo(10);
        assertThat(commands).hasSize(1);
    }

    private static Document document(String productId, long position, String actor) {
        return new Document("_id", productId + "-" + position).append("productId", productId)
                .append("globalPosition", position)
                .append("timestamp", java.util.Date.from(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(position)))
                .append("actor", actor).append("role", "PRODUCT_OWNER").append("type", "BacklogItemReprioritized")
                .append("sentence", "moved " + position).append("itemId", "item-" + position)
                .append("before", "1").append("after", "2").append("rationale", null)
                .append("itemIds", List.of("item-" + position));
    }
}
