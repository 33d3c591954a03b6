package io.tandem.system;

import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of Tandem on one machine: the embedded store (in memory, in this JVM, on a loopback port), the command
 * side and the query side as separate processes connected to it — as in the zero-setup run. Started once per test
 * JVM and stopped at its end.
 */
final class TandemSystem {

    private static TandemSystem running;

    final EmbeddedMongoServer store;
    final ServiceProcess commandSide;
    final ServiceProcess querySide;

    private TandemSystem(EmbeddedMongoServer store, ServiceProcess commandSide, ServiceProcess querySide) {
        this.store = store;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    static synchronized TandemSystem get() throws Exception {
        if (running == null) {
            EmbeddedMongoServer store = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("."),
                                                                  "127.0.0.1", 0, Durability.COMMIT);
            ServiceProcess commandSide = ServiceProcess.start("command-side", "tandem.commandSideJar",
                                                              store.connectionString());
            ServiceProcess querySide = ServiceProcess.start("query-side", "tandem.querySideJar",
                                                            store.connectionString());
            CompletableFuture.allOf(CompletableFuture.runAsync(commandSide::awaitReady),
                                    CompletableFuture.runAsync(querySide::awaitReady)).join();
            running = new TandemSystem(store, commandSide, querySide);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "tandem-system-stop"));
        }
        return running;
    }

    private void stop() {
        try {
            commandSide.close();
            querySide.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }
}
