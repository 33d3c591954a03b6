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
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch takeSnapshot = new CountDownLatch(1);
        CountDownLatch finishCommit = new CountDownLatch(1);
        Future<Long> commit = threads.submit(() -> writes.commit(lastTicket -> {
            committing.countDown();
            awaitLatch(takeSnapshot);
            WriteSerializer.snapshotTaken();
            awaitLatch(finishCommit);
            return lastTicket;
        }));
        assertThat(committing.await(5, TimeUnit.SECONDS)).isTrue();

        Future<String> write = threads.submit(() -> writes.run("insert", () -> "written", ticket -> {
        }, UnaryOperator.identity()));
        Future<String> read = threads.submit(() -> writes.run("find", () -> "read", ticket -> {
        }, UnaryOperator.identity()));

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("read");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !write.isDone());

        takeSnapshot.countDown();

        assertThat(write.get(5, TimeUnit.SECONDS)).as("the write ran while the commit writes its pages")
                                                  .isEqualTo("written");
        assertThat(commit.isDone()).isFalse();
        finishCommit.countDown();
        assertThat(commit.get(5, TimeUnit.SECONDS)).as("tickets handed out before the commit").isZero();
    }

    @Test
    void aCommitThatTakesNoSnapshotHoldsWritesUntilItReturnsAndCoversEveryEarlierWrite() throws Exception {
        writes.run("insert", () -> "first", ticket -> {
        }, UnaryOperator.identity());
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch finishCommit = new CountDownLatch(1);
        Future<Long> commit = threads.submit(() -> writes.commit(lastTicket -> {
            committing.countDown();
            awaitLatch(finishCommit);
            return lastTicket;
        }));
        assertThat(committing.await(5, TimeUnit.SECONDS)).isTrue();

        Future<String> write = threads.submit(() -> writes.run("update", () -> "second", ticket -> {
        }, UnaryOperator.identity()));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !write.isDone());

        finishCommit.countDown();

        assertThat(commit.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void theSnapshotSignalOfAnotherThreadReleasesNothing() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch finishCommit = new CountDownLatch(1);
        Future<Long> commit = threads.submit(() -> writes.commit(lastTicket -> {
            committing.countDown();
            awaitLatch(finishCommit);
            return lastTicket;
        }));
        assertThat(committing.await(5, TimeUnit.SECONDS)).isTrue();

        WriteSerializer.snapshotTaken(); // this thread is not committing
        Future<String> write = threads.submit(() -> writes.run("insert", () -> "written", ticket -> {
        }, UnaryOperator.identity()));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !write.isDone());

        finishCommit.countDown();
        assertThat(commit.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("written");
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
