package io.tandem.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eight writers append to many aggregates (and race on a shared one) while a tracking reader consumes; some appends
 * are held back for seconds between taking their positions and inserting, so the reader meets real gaps.
 */
class NoEventSkippedUnderConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 120;
    private static final long DELAYED_EVERY = 45;
    private static final Duration DELAY = Duration.ofSeconds(2);

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
    void readerReceivesEveryCommittedEventExactlyOnceWhileAppendsAreDelayed() throws Exception {
        Run run = new Run(builder -> builder);

        assertThat(run.delayedAppends.get()).as("appends held back").isGreaterThan(5);
        assertThat(run.conflicts.get()).as("appends that lost the race on the shared aggregate").isPositive();
        assertThat(run.problems).isEmpty();
        assertThat(run.audit.count()).isEqualTo(run.committed.size());
    }

    @Test
    void auditCatchesSkippedEventsWhenGapsAreGivenUpTooEarly() throws Exception {
        // A reader that forgets gaps one position behind its token skips the held-back appends:
        // the same audit must notice, or it could not tell a correct engine from a broken one.
        Run run = new Run(builder -> builder.maxGapOffset(1));

        assertThat(run.problems).anyMatch(problem -> problem.startsWith("skipped: "));
    }

    private static final class Run {
        final Set<String> committed = ConcurrentHashMap.newKeySet();
        final TrackedStreamAudit audit = new TrackedStreamAudit();
        final AtomicInteger delayedAppends = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final List<String> problems;

        Run(java.util.function.UnaryOperator<SequencedMongoEventStorageEngine.Builder> customization)
                throws Exception {
            MongoDatabase database = store.freshDatabase();
            SequencedMongoEventStorageEngine engine = customization.apply(
                    store.engineOn(database).gapTimeout(Duration.ofMinutes(2)).appendListener((first, count) -> {
                        if (first % DELAYED_EVERY == 0) {
                            delayedAppends.incrementAndGet();
                            LockSupport.parkNanos(DELAY.toNanos());
                        }
                    })).build();
            AtomicBoolean reading = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            Future<?> reader = pool.submit(() -> read(engine, reading));
            AtomicLong sharedNext = new AtomicLong();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(engine, writer, sharedNext)));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            DomainEventMessage<String> last = event("final", 0);
            engine.appendEvents(last);
            committed.add(last.getIdentifier());
            long head = new GlobalSequence(EventStoreCollections.in(database).sequences()).head();
            await().atMost(Duration.ofMinutes(2)).until(() -> audit.lastToken() != null
                    && audit.lastToken().getIndex() >= head && audit.lastToken().getGaps().isEmpty());
            reading.set(false);
            reader.get(1, TimeUnit.MINUTES);
            pool.shutdownNow();
            problems = audit.problems(committed, EventStoreCollections.in(database).events());
        }

        private void read(SequencedMongoEventStorageEngine engine, AtomicBoolean reading) {
            while (reading.get()) {
                try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(audit.lastToken(), false)) {
                    stream.forEach(audit::received);
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }

        private void write(SequencedMongoEventStorageEngine engine, int writer, AtomicLong sharedNext) {
            long[] sequences = new long[10];
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                if (i % 15 == 7) {
                    long next = sharedNext.get();
                    DomainEventMessage<String> contended = event("shared", next);
                    try {
                        engine.appendEvents(contended);
                        committed.add(contended.getIdentifier());
                        sharedNext.compareAndSet(next, next + 1);
                    } catch (ConcurrencyException | AggregateStreamCreationException lostTheRace) {
                        conflicts.incrementAndGet();
                    }
                    continue;
                }
                int aggregate = i % sequences.length;
                String id = "writer-" + writer + "-aggregate-" + aggregate;
                int size = 1 + i % 3;
                List<DomainEventMessage<?>> batch = new ArrayList<>();
                for (int e = 0; e < size; e++) {
                    batch.add(event(id, sequences[aggregate]++));
                }
                engine.appendEvents(batch);
                batch.forEach(event -> committed.add(event.getIdentifier()));
            }
        }
    }

    private static DomainEventMessage<String> event(String aggregate, long sequenceNumber) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequenceNumber, "payload " + sequenceNumber);
    }
}
