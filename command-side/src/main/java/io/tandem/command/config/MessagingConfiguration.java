package io.tandem.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every event inherits from the command that caused it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
class MessagingConfiguration {

    /** Metadata keys the web layer sets on every command, copied into each event it causes. */
    static final String[] COMMAND_METADATA = {"actor", "correlationId", "idempotencyKey"};

    @Bean
    CorrelationDataProvider commandMetaDataProvider() {
        return new SimpleCorrelationDataProvider(COMMAND_METADATA);
    }

    /**
     * The aggregates' cache ({@code @Aggregate(cache = "aggregateCache")}): the most recently used aggregates, at most
     * {@code tandem.command.aggregate-cache-size} (default 2000; 0 turns it off).
     */
    @Bean
    Cache aggregateCache(CommandProperties properties) {
        int size = properties.aggregateCacheSize();
        return size > 0 ? new BoundedAggregateCache(size) : NoCache.INSTANCE;
    }

    /** Causation and trace ids under their own keys, so the client's correlation id is kept. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }
}
