package io.tandem.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracking read while no server of the store can be reached answers no events instead of throwing (Axon's event
 * store logged a stack trace at every poll), keeps its token where it was, and goes on from it once the store is back.
 */
class TrackingWhileTheStoreIsDownTest {

    @TempDir
    Path data;

    @Test
    void aPollFindsNothingWhileTheStoreIsDownAndResumesFromItsTokenAfterwards() {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, data, "127.0.0.1", 0,
                                                               Durability.COMMIT);
        int port = server.port();
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300&heartbeatFrequencyMS=500")) {
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder().client(client)
                    .collections(EventStoreCollections.in(client.getDatabase("tandem"))).build();
            engine.appendEvents(event(0), event(1));
            TrackingToken afterTwo = last(engine.readEvents(null, false)).trackingToken();

            server.close();
            List<? extends TrackedEventMessage<?>> duringOutage;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(afterTwo, false)) {
                duringOutage = stream.toList();
            }
            assertThat(duringOutage).as("no events, and no exception").isEmpty();

            server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, data, "127.0.0.1", port,
                                               Durability.COMMIT);
            await("the client reaches the store again").atMost(Duration.ofSeconds(15))
                    .ignoreExceptionsInstanceOf(MongoTimeoutException.class)
                    .until(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") != null);
            engine.appendEvents(event(2));
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(afterTwo, false)) {
                assertThat(stream.map(e -> (String) e.getPayload()).toList()).as("resumed after the outage")
                        .containsExactly("payload 2");
            }
        } finally {
            server.close();
        }
    }

    private static GenericDomainEventMessage<String> event(long sequence) {
        return new GenericDomainEventMessage<>("Test", "aggregate", sequence, "payload " + sequence);
    }

    private static TrackedEventMessage<?> last(Stream<? extends TrackedEventMessage<?>> events) {
        try (events) {
            List<? extends TrackedEventMessage<?>> all = events.toList();
            return all.get(all.size() - 1);
        }
    }
}
