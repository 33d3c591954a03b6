package io.tandem.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events are appended to the embedded store running in its own process on the H2 backend; the process is killed with
 * SIGKILL right after the last acknowledged append and started again on the same data folder.
 */
class AcknowledgedAppendsSurviveKillTest {

    private static final int AGGREGATES = 20;
    private static final int EVENTS = 300;

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcknowledgedEventSurvivesSigkillAndTrackingResumesFromItsToken() throws Exception {
        JacksonSerializer tokenSerializer = SequencedMongoEventStorageEngine.defaultSerializer();
        List<String> acknowledged = new ArrayList<>();
        SerializedObject<byte[]> savedToken;
        int exitCode;
        try (StoreProcess first = StoreProcess.start(dataDirectory);
             MongoClient client = MongoClients.create(first.connectionString())) {
            SequencedMongoEventStorageEngine engine = engineOn(client);
            long[] sequences = new long[AGGREGATES];
            for (int i = 0; i < EVENTS; i++) {
                int aggregate = i % AGGREGATES;
                DomainEventMessage<String> event = event("aggregate-" + aggregate, sequences[aggregate]++);
                engine.appendEvents(event);
                acknowledged.add(event.getIdentifier());
            }
            TrackingToken halfway;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
                halfway = stream.limit(EVENTS / 2).reduce((a, b) -> b).orElseThrow().trackingToken();
            }
            savedToken = tokenSerializer.serialize(halfway, byte[].class);

            DomainEventMessage<String> last = event("aggregate-0", sequences[0]);
            engine.appendEvents(last);
            acknowledged.add(last.getIdentifier());
            exitCode = first.kill();
        }
        assertThat(exitCode).as("killed by SIGKILL").isEqualTo(128 + 9);

        try (StoreProcess second = StoreProcess.start(dataDirectory);
             MongoClient client = MongoClients.create(second.connectionString())) {
            SequencedMongoEventStorageEngine engine = engineOn(client);

            assertThat(identifiers(engine.readEvents(null, false))).containsExactlyElementsOf(acknowledged);
            assertThat(engine.readEvents("aggregate-0").asStream().count()).isEqualTo(EVENTS / AGGREGATES + 1);

            TrackingToken resumed = tokenSerializer.deserialize(savedToken);
            assertThat(identifiers(engine.readEvents(resumed, false)))
                    .containsExactlyElementsOf(acknowledged.subList(EVENTS / 2, acknowledged.size()));

            DomainEventMessage<String> afterRestart = event("aggregate-1", EVENTS / AGGREGATES);
            engine.appendEvents(afterRestart);
            assertThat(identifiers(engine.readEvents(resumed, false)))
                    .as("the global sequence continues after the restart")
                    .endsWith(last(acknowledged), afterRestart.getIdentifier());
        }
    }

    @Test
    void concurrentWritersSharingCommitsLoseNothingAcknowledgedWhenKilledMidWrite() throws Exception {
        int writers = 4;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (StoreProcess first = StoreProcess.start(dataDirectory);
             MongoClient client = MongoClients.create(first.connectionString() + "/?serverSelectionTimeoutMS=2000")) {
            SequencedMongoEventStorageEngine engine = engineOn(client);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            for (int w = 0; w < writers; w++) {
                String aggregate = "writer-" + w;
                pool.submit(() -> {
                    for (long sequence = 0; ; sequence++) {
                        DomainEventMessage<String> event = event(aggregate, sequence);
                        try {
                            engine.appendEvents(event);
                        } catch (RuntimeException storeGone) {
                            return;
                        }
                        acknowledged.add(event.getIdentifier());
                    }
                });
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= EVENTS);
            assertThat(first.kill()).as("killed by SIGKILL while the writers write").isEqualTo(128 + 9);
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        try (StoreProcess second = StoreProcess.start(dataDirectory);
             MongoClient client = MongoClients.create(second.connectionString())) {
            List<String> stored = identifiers(engineOn(client).readEvents(null, false));
            assertThat(stored).doesNotHaveDuplicates().containsAll(acknowledged);
        }
    }

    private static SequencedMongoEventStorageEngine engineOn(MongoClient client) {
        return SequencedMongoEventStorageEngine.builder().client(client)
                                               .collections(EventStoreCollections.in(client.getDatabase("tandem")))
                                               .build();
    }

    private static List<String> identifiers(Stream<? extends TrackedEventMessage<?>> stream) {
        try (stream) {
            return stream.map(EventMessage::getIdentifier).collect(Collectors.toList());
        }
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static DomainEventMessage<String> event(String aggregate, long sequenceNumber) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequenceNumber, "payload " + sequenceNumber);
    }
}
