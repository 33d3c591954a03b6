package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A commit holds writes back only until it has taken its snapshot; reads are never held. */
class WriteSerializerTest {

    private final WriteSerializer writes = new WriteSerializer();
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aWriteWaitsForACommitsSnapshotAndNotForTheRestOfTheCommit() throws Exception {
        CountDownLatch takeSnapshot = new CountDownLatch(1);
        CountDownLatch finishCommit = new CountDownLatch(1);
        Future<Long> commit = commitHeldOpen(takeSnapshot, finishCommit);

        Future<String> write = submit("insert", "written");
        Future<String> read = submit("find", "read");

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("read");
        assertStaysPending(write);

        takeSnapshot.countDown();

        assertThat(write.get(5, TimeUnit.SECONDS)).as("the write ran while the commit writes its pages")
                                                  .isEqualTo("written");
        assertThat(commit.isDone()).isFalse();
        finishCommit.countDown();
        assertThat(commit.get(5, TimeUnit.SECONDS)).as("tickets handed out before the commit").isZero();
    }

    @Test
    void aCommitThatTakesNoSnapshotHoldsWritesUntilItReturnsAndCoversEveryEarlierWrite() throws Exception {
        submit("insert", "first").get(5, TimeUnit.SECONDS);
        CountDownLatch finishCommit = new CountDownLatch(1);
        Future<Long> commit = commitHeldOpen(null, finishCommit);

        Future<String> write = submit("update", "second");
        assertStaysPending(write);

        finishCommit.countDown();

        assertThat(commit.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void theSnapshotSignalOfAnotherThreadReleasesNothing() throws Exception {
        CountDownLatch finishCommit = new CountDownLatch(1);
        Future<Long> commit = commitHeldOpen(null, finishCommit);

        WriteSerializer.snapshotTaken(); // this thread is not committing
        Future<String> write = submit("insert", "written");
        assertStaysPending(write);

        finishCommit.countDown();
        assertThat(commit.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("written");
    }

    /**
     * A commit that has started (returned once it holds the lock), signals its snapshot when {@code takeSnapshot}
     * opens (never when null), and returns its ticket when {@code finish} opens.
     */
    private Future<Long> commitHeldOpen(CountDownLatch takeSnapshot, CountDownLatch finish) throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        Future<Long> commit = threads.submit(() -> writes.commit(lastTicket -> {
            committing.countDown();
            if (takeSnapshot != null) {
                awaitLatch(takeSnapshot);
                WriteSerializer.snapshotTaken();
            }
            awaitLatch(finish);
            return lastTicket;
        }));
        assertThat(committing.await(5, TimeUnit.SECONDS)).isTrue();
        return commit;
    }

    private Future<String> submit(String command, String reply) {
        return threads.submit(() -> writes.run(command, () -> reply, ticket -> {
        }, UnaryOperator.identity()));
    }

    private static void assertStaysPending(Future<?> write) {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !write.isDone());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
