package io.tandem.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of idempotent retries.
 *
 * @param pendingTimeout how old a PENDING record must be before a retry may take it over
 *                       ({@code TANDEM_IDEMPOTENCY_PENDINGTIMEOUT}, default 2 minutes); see {@link IdempotencyStore}
 */
@ConfigurationProperties("tandem.idempotency")
record IdempotencyProperties(@DefaultValue("2m") Duration pendingTimeout) {
}
