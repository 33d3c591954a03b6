package io.tandem.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records every command the engine sends while it appends, loads aggregates, stores and reads snapshots and tracks,
 * and fails on any filter the embedded server cannot serve from a unique index (it would scan the collection, and
 * the cost would grow with the store).
 */
class HotQueriesAreIndexServedTest {

    private static final List<RecordedCommand> commands = new CopyOnWriteArrayList<>();
    private static MemoryStore store;

    @BeforeAll
    static void startStore() {
        store = new MemoryStore(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // the event's document is only readable during this call
                commands.add(new RecordedCommand(event.getCommandName(), event.getCommand().clone()));
            }
        });
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    void appendsLoadsSnapshotsAndTrackingPollsUseOnlyIndexServableFilters() {
        MongoDatabase database = store.freshDatabase();
        SequencedMongoEventStorageEngine engine = store.engineOn(database).batchSize(10).build();
        commands.clear();

        for (int i = 0; i < 25; i++) {
            engine.appendEvents(event("plan", i));
        }
        engine.appendEvents(List.of(event("other", 0), event("other", 1), event("other", 2)));
        engine.appendEvents(GenericEventMessage.asEventMessage("application event"));
        assertThatThrownBy(() -> engine.appendEvents(event("plan", 3))).isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("plan").asStream().count()).isEqualTo(25);
        engine.storeSnapshot(event("plan", 20));
        engine.storeSnapshot(event("plan", 24));
        assertThat(engine.readSnapshot("plan")).isPresent();
        assertThat(engine.readEvents("plan", 21).asStream().count()).isEqualTo(4);
        assertThat(engine.lastSequenceNumberFor("plan")).contains(24L);
        GapAwareTrackingToken withGaps = GapAwareTrackingToken.newInstance(20, new TreeSet<>(Set.of(3L, 7L)));
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(withGaps, false)) {
            assertThat(stream.count()).isEqualTo(2 + 25 + 3 + 1 - 20);
        }
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            assertThat(stream.count()).isEqualTo(29);
        }
        assertThat(engine.createHeadToken()).isNotNull();
        List<RecordedCommand> engineCommands = List.copyOf(commands);

        List<Set<String>> eventIndexes = uniqueIndexKeys(database.getCollection(EventStoreCollections.EVENTS,
                                                                                BsonDocument.class));
        Map<String, List<Set<String>>> indexesByCollection = Map.of(
                EventStoreCollections.EVENTS, eventIndexes,
                EventStoreCollections.SNAPSHOTS, List.of(Set.of("_id")),
                EventStoreCollections.SEQUENCES, List.of(Set.of("_id")));
        List<String> unservable = new ArrayList<>();
        int filters = 0;
        for (RecordedCommand command : engineCommands) {
            for (Filter filter : filtersOf(command)) {
                filters++;
                if (!IndexServableFilters.servable(filter.filter(), indexesByCollection.get(filter.collection()))) {
                    unservable.add(command.name() + " on " + filter.collection() + ": " + filter.filter());
                }
            }
        }
        assertThat(filters).as("filters seen").isGreaterThan(20);
        assertThat(unservable).isEmpty();
    }

    @Test
    void theRuleRejectsRangesPartialKeysAndInOnCompoundIndexes() {
        List<Set<String>> indexes = List.of(Set.of("_id"), Set.of("streamKey"), Set.of("a", "b"));

        assertThat(IndexServableFilters.servable(BsonDocument.parse("{_id: {$in: [1, 2]}}"), indexes)).isTrue();
        assertThat(IndexServableFilters.servable(BsonDocument.parse("{a: 1, b: 2}"), indexes)).isTrue();
        assertThat(IndexServableFilters.servable(BsonDocument.parse("{_id: {$gt: 5}}"), indexes)).isFalse();
        assertThat(IndexServableFilters.servable(BsonDocument.parse("{a: 1}"), indexes)).isFalse();
        assertThat(IndexServableFilters.servable(BsonDocument.parse("{a: 1, b: {$in: [1]}}"), indexes)).isFalse();
        assertThat(IndexServableFilters.servable(BsonDocument.parse("{_id: 1, x: 2}"), indexes)).isFalse();
        assertThat(IndexServableFilters.servable(BsonDocument.parse("{aggregateIdentifier: 'p'}"), indexes)).isFalse();
    }

    private record RecordedCommand(String name, BsonDocument command) {
    }

    private record Filter(String collection, BsonDocument filter) {
    }

    private static List<Filter> filtersOf(RecordedCommand recorded) {
        BsonDocument command = recorded.command();
        String name = recorded.name();
        BsonValue first = command.get(command.getFirstKey());
        String collection = first.isString() ? first.asString().getValue() : null;
        List<Filter> filters = new ArrayList<>();
        switch (name) {
            case "find" -> filters.add(new Filter(collection, command.getDocument("filter", new BsonDocument())));
            case "findAndModify" -> filters.add(new Filter(collection, command.getDocument("query")));
            case "update" -> command.getArray("updates").forEach(update -> filters.add(
                    new Filter(collection, update.asDocument().getDocument("q"))));
            case "delete" -> command.getArray("deletes").forEach(delete -> filters.add(
                    new Filter(collection, delete.asDocument().getDocument("q"))));
            case "insert", "createIndexes", "hello", "isMaster", "ismaster", "endSessions", "getMore", "killCursors" -> {
            }
            default -> throw new AssertionError("unexpected command " + name + ": " + command.toJson());
        }
        return filters;
    }

    private static List<Set<String>> uniqueIndexKeys(MongoCollection<BsonDocument> collection) {
        List<Set<String>> keys = new ArrayList<>();
        collection.listIndexes(BsonDocument.class).forEach(index -> {
            Set<String> fields = new HashSet<>(index.getDocument("key").keySet());
            if (index.getBoolean("unique", org.bson.BsonBoolean.FALSE).getValue() || fields.equals(Set.of("_id"))) {
                keys.add(fields);
            }
        });
        return keys;
    }

    private static DomainEventMessage<String> event(String aggregate, long sequenceNumber) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequenceNumber, "payload " + sequenceNumber);
    }
}
