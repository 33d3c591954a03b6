package io.tandem.query.config;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the query side's event processors run ({@code tandem.processing.*}).
 *
 * @param segments     segments per processor: the unit of parallelism and of work split across query-side nodes
 * @param threads      worker threads per processor on this node
 * @param batchSize    events handled per unit of work
 * @param claimTimeout how long a segment claim held by a silent node lasts before another node may take it over
 * @param journaledWrites whether the processors' writes (read models, tokens, dead letters) wait for the store's
 *                     journal before they are acknowledged; by default they do not ({@code w: 1, j: false}): they
 *                     can all be rebuilt from the event store, and since a store writes its journal in order, a
 *                     crash loses a suffix of them, tokens included, so the processors replay that suffix
 * @param knownDashboards how many products' dashboard states the dashboard projection keeps in memory between
 *                     batches (the most recently used; each checked against the stored version before use), so that
 *                     it does not read and convert a whole dashboard document for every batch; 0 keeps none
 */
@ConfigurationProperties("tandem.processing")
public record ProcessingProperties(@DefaultValue("4") int segments,
                                   @DefaultValue("2") int threads,
                                   @DefaultValue("500") int batchSize,
                                   @DefaultValue("10s") Duration claimTimeout,
                                   @DefaultValue("false") boolean journaledWrites,
                                   @DefaultValue("500") int knownDashboards) {

    public ProcessingProperties {
        if (knownDashboards < 0) {
            throw new IllegalArgumentException("tandem.processing.known-dashboards must not be negative: "
                                               + knownDashboards);
        }
    }

    /**
     * How often a node renews the claims of segments it holds while they are idle: three times per claim timeout, so
     * that a live node never loses a claim (Axon's fixed 5 s default would outlast a claim timeout under 5 s).
     */
    public Duration claimExtension() {
        return claimTimeout.dividedBy(3);
    }

    /** How often a node looks for unclaimed segments to take: twice per claim timeout, at most every 5 s. */
    public Duration claimRound() {
        Duration half = claimTimeout.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(5)) < 0 ? half : Duration.ofSeconds(5);
    }

    /** The database as the processors write to it: with the write concern {@link #journaledWrites} asks for. */
    public MongoDatabase forProcessorWrites(MongoDatabase database) {
        return journaledWrites ? database : database.withWriteConcern(WriteConcern.W1.withJournal(false));
    }
}
