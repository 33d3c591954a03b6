package io.tandem.support.store;

import io.tandem.eventstore.SequencedMongoEventStorageEngine.Transactions;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.DurableH2Backend;
import io.tandem.eventstore.embedded.EmbeddedMongoServer.Backend;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the events live ({@code tandem.store.*}). The defaults are the zero-setup run: an embedded
 * MongoDB-compatible server in this process, data in {@code ./data}, on port 27018.
 *
 * @param uri            MongoDB connection string, used when the embedded server is off
 * @param database       database holding events, snapshots, the sequence and idempotency records
 * @param transactions   AUTO: multi-event appends in a transaction when the server is a replica set
 * @param gapTimeout     how long readers wait for an allocated position to fill
 * @param maxGapOffset   how many positions behind the token a gap may lag before it is given up
 * @param batchSize      events per aggregate-load chunk and per tracking poll
 * @param pollInterval   how often a caught-up reader asks the store for new events (sets cross-process latency)
 * @param embedded       the embedded server
 */
@ConfigurationProperties("tandem.store")
public record StoreProperties(@DefaultValue("mongodb://127.0.0.1:27018") String uri,
                              @DefaultValue("tandem") String database,
                              @DefaultValue("AUTO") Transactions transactions,
                              @DefaultValue("60s") Duration gapTimeout,
                              @DefaultValue("10000") int maxGapOffset,
                              @DefaultValue("100") int batchSize,
                              @DefaultValue("20ms") Duration pollInterval,
                              @DefaultValue Embedded embedded) {

    /**
     * @param enabled start mongo-java-server inside this process and connect to it
     * @param backend H2 (data kept on disk, durable for acknowledged writes) or MEMORY
     * @param dataDir folder of the H2 store file
     * @param host    loopback address to listen on
     * @param port    port to listen on (0 = any free port)
     * @param durability COMMIT (each acknowledged write is in the file before the reply: survives a kill),
     *                COMMIT_AND_FSYNC (also forced to disk: survives power loss), BACKGROUND (H2's own, not durable)
     * @param cacheMb H2's page cache in MB (H2's own default is 16)
     */
    public record Embedded(@DefaultValue("true") boolean enabled,
                           @DefaultValue("H2") Backend backend,
                           @DefaultValue("data") Path dataDir,
                           @DefaultValue("127.0.0.1") String host,
                           @DefaultValue("27018") int port,
                           @DefaultValue("COMMIT") Durability durability,
                           @DefaultValue("" + DurableH2Backend.DEFAULT_CACHE_MB) int cacheMb) {
    }
}
