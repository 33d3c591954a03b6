package io.tandem.query.config;

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
 */
@ConfigurationProperties("tandem.processing")
public record ProcessingProperties(@DefaultValue("4") int segments,
                                   @DefaultValue("2") int threads,
                                   @DefaultValue("50") int batchSize,
                                   @DefaultValue("10s") Duration claimTimeout) {
}
