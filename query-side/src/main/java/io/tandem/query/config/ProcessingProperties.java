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
 */
@ConfigurationProperties("tandem.processing")
public record ProcessingProperties(@DefaultValue("4") int segments,
                                   @DefaultValue("2") int threads,
                                   @DefaultValue("50") int batchSize,
                                   @DefaultValue("10s") Duration claimTimeout,
                                   @DefaultValue("false") boolean journaledWrites) {

    /** The database as the processors write to it: with the write concern {@link #journaledWrites} asks for. */
    public MongoDatabase forProcessorWrites(MongoDatabase database) {
        return journaledWrites ? database : database.withWriteConcern(WriteConcern.W1.withJournal(false));
    }
}
