package io.tandem.support.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection of password sign-ins ({@code tandem.security.login-attempts.*}): after {@code maxFailures}
 * failed attempts within {@code window}, a username or a client address is refused (429) until the window passes.
 *
 * @param maxFailures failures of one username, or from one address, that start the refusal
 *                    ({@code TANDEM_SECURITY_LOGINATTEMPTS_MAXFAILURES}, default 10)
 * @param window      how long failures count from the first one, and so the longest refusal
 *                    ({@code TANDEM_SECURITY_LOGINATTEMPTS_WINDOW}, default 1 minute)
 */
@ConfigurationProperties("tandem.security.login-attempts")
record LoginAttemptsProperties(@DefaultValue("10") int maxFailures, @DefaultValue("1m") Duration window) {
}
