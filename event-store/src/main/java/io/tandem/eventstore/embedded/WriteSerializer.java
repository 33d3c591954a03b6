package io.tandem.eventstore.embedded;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs every command that may write one at a time, and copies its reply before the next one runs.
 * <p>
 * mongo-java-server does not keep a command atomic against concurrent ones: measured here, eight threads doing
 * {@code findAndModify $inc} on one counter were handed the same value twice, because the reply refers to the live
 * stored document, which the next {@code $inc} changes before the reply is encoded. The event store's global sequence
 * relies on that atomicity, as it may on real MongoDB. Reads are not serialized.
 */
final class WriteSerializer {

    private static final Set<String> READ_COMMANDS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases", "hello",
            "ismaster", "ping", "buildinfo", "serverstatus", "dbstats", "collstats", "killcursors", "endsessions",
            "whatsmyuri", "getlasterror", "connectionstatus", "hostinfo", "getcmdlineopts", "getparameter",
            "getfreemonitoringstatus", "getlog");

    private final Object lock = new Object();

    /**
     * Runs {@code command}; when it may write: under the lock, followed by {@code afterWrite}, its reply copied by
     * {@code copy} while still under the lock.
     */
    <T> T run(String commandName, Supplier<T> command, Runnable afterWrite, UnaryOperator<T> copy) {
        if (READ_COMMANDS.contains(commandName.toLowerCase(Locale.ROOT))) {
            return command.get();
        }
        synchronized (lock) {
            try {
                return copy.apply(command.get());
            } finally {
                afterWrite.run();
            }
        }
    }
}
