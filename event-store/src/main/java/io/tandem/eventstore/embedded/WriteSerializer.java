package io.tandem.eventstore.embedded;

import java.util.Locale;
import java.util.Set;
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
 * holds that write. A commit itself runs while no write runs ({@link #exclusive}): H2 takes each map's state in turn,
 * so a commit during a write could keep half of it (a document without its index entries, part of a multi-document
 * insert). The writes that queue while one commit is written are covered by the next one (group commit).
 */
final class WriteSerializer {

    private static final Set<String> READ_COMMANDS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases", "hello",
            "ismaster", "ping", "buildinfo", "serverstatus", "dbstats", "collstats", "killcursors", "endsessions",
            "whatsmyuri", "getlasterror", "connectionstatus", "hostinfo", "getcmdlineopts", "getparameter",
            "getfreemonitoringstatus", "getlog");

    private final Object lock = new Object();
    private long lastTicket;

    /**
     * Runs {@code command}; when it may write: under the lock, its reply copied by {@code copy} while still under the
     * lock, then (also when it failed, since it may have written part) {@code afterWrite} with its ticket.
     */
    /**
     * Runs {@code action} while no write runs, with the ticket of the last write handed out (every write up to it
     * has finished).
     */
    <T> T exclusive(LongFunction<T> action) {
        synchronized (lock) {
            return action.apply(lastTicket);
        }
    }

    <T> T run(String commandName, Supplier<T> command, LongConsumer afterWrite, UnaryOperator<T> copy) {
        if (READ_COMMANDS.contains(commandName.toLowerCase(Locale.ROOT))) {
            return command.get();
        }
        long ticket;
        T reply = null;
        RuntimeException failure = null;
        synchronized (lock) {
            ticket = ++lastTicket;
            try {
                reply = copy.apply(command.get());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        afterWrite.accept(ticket);
        if (failure != null) {
            throw failure;
        }
        return reply;
    }
}
