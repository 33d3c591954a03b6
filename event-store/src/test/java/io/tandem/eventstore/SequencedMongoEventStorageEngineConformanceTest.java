package io.tandem.eventstore;

import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.UnaryOperator;

/**
 * Axon's own storage-engine test suite ({@code axon-eventsourcing} tests jar: {@code EventStorageEngineTest},
 * {@code AbstractEventStorageEngineTest}, {@code BatchingEventStorageEngineTest}) run against our engine on the
 * embedded server, through the real driver.
 */
class SequencedMongoEventStorageEngineConformanceTest
        extends BatchingEventStorageEngineTest<SequencedMongoEventStorageEngine, SequencedMongoEventStorageEngine.Builder> {

    private static MemoryStore store;

    @BeforeAll
    static void startStore() {
        store = new MemoryStore();
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @BeforeEach
    void createTestSubject() {
        setTestSubject(createEngine());
    }

    @Override
    protected SequencedMongoEventStorageEngine createEngine(
            UnaryOperator<SequencedMongoEventStorageEngine.Builder> customization) {
        return customization.apply(store.engineOn(store.freshDatabase())).build();
    }
}
