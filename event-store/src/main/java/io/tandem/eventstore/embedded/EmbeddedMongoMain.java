package io.tandem.eventstore.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the embedded store as its own process:
 * {@code java -cp event-store.jar:... io.tandem.eventstore.embedded.EmbeddedMongoMain --data-dir=data --port=27018}.
 * Options: {@code --data-dir} (default {@code data}), {@code --host} (default {@code 127.0.0.1}), {@code --port}
 * (default 27018, 0 = any free port), {@code --backend=h2|memory} (default h2),
 * {@code --durability=commit|commit-and-fsync|background} (default commit, see {@link Durability}),
 * {@code --cache-mb} (H2's page cache, default {@link DurableH2Backend#DEFAULT_CACHE_MB}).
 * Prints {@code READY <port>} once it accepts connections.
 */
public final class EmbeddedMongoMain {

    private EmbeddedMongoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        EmbeddedMongoServer server = EmbeddedMongoServer.start(
                EmbeddedMongoServer.Backend.valueOf(options.getOrDefault("backend", "h2").toUpperCase()),
                Path.of(options.getOrDefault("data-dir", "data")),
                options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port", "27018")),
                Durability.valueOf(options.getOrDefault("durability", "commit").toUpperCase().replace('-', '_')),
                Integer.parseInt(options.getOrDefault("cache-mb", String.valueOf(DurableH2Backend.DEFAULT_CACHE_MB))));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-store-shutdown"));
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + arg + " (options look like --port=27018)");
            }
            int equals = arg.indexOf('=');
            if (equals < 0) {
                options.put(arg.substring(2), "true");
            } else {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        return options;
    }
}
