package io.tandem.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Command-side settings ({@code tandem.command.*}).
 *
 * @param aggregateCacheSize aggregates kept in memory between commands, least recently used dropped first
 *                           ({@code TANDEM_COMMAND_AGGREGATECACHESIZE}, default 2000); 0 loads every aggregate from
 *                           the store for each command
 */
@ConfigurationProperties("tandem.command")
record CommandProperties(@DefaultValue("2000") int aggregateCacheSize) {

    CommandProperties {
        if (aggregateCacheSize < 0) {
            throw new IllegalArgumentException("tandem.command.aggregate-cache-size must not be negative");
        }
    }
}
