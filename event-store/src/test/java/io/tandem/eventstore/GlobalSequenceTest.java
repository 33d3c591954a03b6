package io.tandem.eventstore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalSequenceTest {

    private static MemoryStore store;

    @BeforeAll
    static void startStore() {
        store = new MemoryStore();
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    void concurrentAllocationsNeverHandOutAPositionTwice() throws Exception {
        GlobalSequence sequence = new GlobalSequence(EventStoreCollections.in(store.freshDatabase()).sequences());
        Set<Long> positions = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    int count = 1 + i % 3;
                    long first = sequence.allocate(count);
                    for (long p = first; p < first + count; p++) {
                        if (!positions.add(p)) {
                            synchronized (duplicates) {
                                duplicates.add(p);
                            }
                        }
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(sequence.head()).isEqualTo(positions.size());
    }
}
