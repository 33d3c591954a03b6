package io.tandem.eventstore.embedded;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs every command that may write one at a time, and copies its reply before the next one runs.
 * <p>
 * mongo-java-server does not keep a command atomic against concurrent ones: measured here, eight threads doing
 * {@code findAndModify $inc} on one counter were handed the same value twice, because the reply refers to the live
 * stored document, which the next {@code $inc} changes before the reply is encoded. The event store's global sequence
 * relies on that atomicity, as it may on real MongoDB. Reads are not serialized.
 * <p>
 * Each write gets a ticket, 1, 2, 3... in the order the writes ran. After the write lock is released, the ticket is
 * handed to {@code afterWrite} (before the reply goes out), which is where a durable backend waits until its file
 * holds that write. A commit starts while no write runs ({@link #commit}): H2 takes each map's state in turn, so a
 * commit that started during a write could keep part of it (a document without its index entries, part of a
 * multi-document insert). Once H2 has its snapshot and writes pages, new writes go on ({@link #snapshotTaken}); those
 * that run while one commit is written are covered by the next one (group commit).
 */
final class WriteSerializer {

    private static final Set<String> READ_COMMANDS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases", "hello",
            "ismaster", "ping", "buildinfo", "serverstatus", "dbstats", "collstats", "killcursors", "endsessions",
            "whatsmyuri", "getlasterror", "connectionstatus", "hostinfo", "getcmdlineopts", "getparameter",
            "getfreemonitoringstatus", "getlog");

    /** The committing thread's serializer, until its commit has taken its snapshot. */
    private static final ThreadLocal<WriteSerializer> RELEASE_ON_SNAPSHOT = new ThreadLocal<>();

    private final ReentrantLock lock = new ReentrantLock();
    private long lastTicket;

    /**
     * Runs {@code command}; when it may write: under the lock, its reply copied by {@code copy} while still under the
     * lock, then (also when it failed, since it may have written part) {@code afterWrite} with its ticket.
     */
    <T> T run(String commandName, Supplier<T> command, LongConsumer afterWrite, UnaryOperator<T> copy) {
        if (READ_COMMANDS.contains(commandName.toLowerCase(Locale.ROOT))) {
            return command.get();
        }
        long ticket;
        T reply = null;
        RuntimeException failure = null;
        lock.lock();
        try {
            ticket = ++lastTicket;
            try {
                reply = copy.apply(command.get());
            } catch (RuntimeException e) {
                failure = e;
            }
        } finally {
            lock.unlock();
        }
        afterWrite.accept(ticket);
        if (failure != null) {
            throw failure;
        }
        return reply;
    }

    /**
     * Runs {@code commit} with the ticket of the last write handed out (every write up to it has finished), holding
     * back new writes until the commit has taken its snapshot ({@link #snapshotTaken}) or returned.
     */
    <T> T commit(LongFunction<T> commit) {
        lock.lock();
        RELEASE_ON_SNAPSHOT.set(this);
        try {
            return commit.apply(lastTicket);
        } finally {
            RELEASE_ON_SNAPSHOT.remove();
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /**
     * Called on the committing thread once H2 has taken the state of every map and starts writing pages (by the
     * store's key and value types, {@link SnapshotSignallingType}): from then on, writes change only the next
     * version, so they may go on while the pages are written. Does nothing on any other thread, or a second time.
     */
    static void snapshotTaken() {
        WriteSerializer serializer = RELEASE_ON_SNAPSHOT.get();
        if (serializer != null) {
            RELEASE_ON_SNAPSHOT.remove();
            serializer.lock.unlock();
        }
    }
}
