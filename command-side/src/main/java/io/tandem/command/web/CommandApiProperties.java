package io.tandem.command.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST command API.
 *
 * @param maxBodySize    largest accepted request body ({@code TANDEM_WEB_MAXBODYSIZE}, default 64KB); larger is 413
 * @param commandTimeout how long a request waits for its command ({@code TANDEM_WEB_COMMANDTIMEOUT}, default 10s)
 */
@ConfigurationProperties("tandem.web")
record CommandApiProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("10s") Duration commandTimeout) {
}
