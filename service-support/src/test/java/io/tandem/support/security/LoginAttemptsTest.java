package io.tandem.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    final AtomicLong now = new AtomicLong(5_000);
    final LoginAttempts attempts = new LoginAttempts(10, Duration.ofMinutes(1), now::get);

    @Test
    void aUsernameIsLimitedAfterTenFailuresUntilTheWindowOfTheFirstHasPassed() {
        for (int i = 0; i < 9; i++) {
            attempts.failed("pm", "10.0.0." + i);
            now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertThat(attempts.retryAfter("pm", "10.0.0.99")).isZero();

        attempts.failed("pm", "10.0.0.9");

        assertThat(attempts.retryAfter("pm", "10.0.0.99")).isEqualTo(Duration.ofSeconds(51));
        now.addAndGet(Duration.ofSeconds(50).toNanos());
        assertThat(LoginAttempts.seconds(attempts.retryAfter("pm", "10.0.0.99"))).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(attempts.retryAfter("pm", "10.0.0.99")).isZero();
    }

    @Test
    void anAddressIsLimitedAfterTenFailuresWhateverTheUsernames() {
        for (int i = 0; i < 10; i++) {
            attempts.failed("user" + i, "10.0.0.1");
        }

        assertThat(attempts.retryAfter("po", "10.0.0.1")).isPositive();
        assertThat(attempts.retryAfter("po", "10.0.0.2")).isZero();
        assertThat(attempts.retryAfter("user3", "10.0.0.2")).isZero();
    }

    @Test
    void failuresOfAnExpiredWindowDoNotCount() {
        for (int i = 0; i < 9; i++) {
            attempts.failed("pm", "10.0.0.1");
        }
        now.addAndGet(Duration.ofMinutes(1).toNanos());

        attempts.failed("pm", "10.0.0.1");

        assertThat(attempts.retryAfter("pm", "10.0.0.1")).isZero();
    }

    @Test
    void aMalformedCredentialCountsAgainstTheAddressOnly() {
        for (int i = 0; i < 10; i++) {
            attempts.failed(null, "10.0.0.1");
        }

        assertThat(attempts.retryAfter(null, "10.0.0.1")).isPositive();
        assertThat(attempts.retryAfter("pm", "10.0.0.2")).isZero();
    }

    @Test
    void tracksABoundedNumberOfKeysAndKeepsTheLimitsItAlreadyCounts() {
        for (int i = 0; i < 10; i++) {
            attempts.failed("pm", "10.0.0.1");
        }
        for (int i = 0; i < LoginAttempts.MAX_TRACKED_KEYS; i++) {
            attempts.failed("guess" + i, null);
        }

        assertThat(attempts.trackedKeys()).isEqualTo(LoginAttempts.MAX_TRACKED_KEYS);
        assertThat(attempts.retryAfter("pm", "10.0.0.9")).isPositive();
        assertThat(attempts.retryAfter("someone", "10.0.0.1")).isPositive();

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        attempts.failed("late", null);
        assertThat(attempts.trackedKeys()).isEqualTo(1);
    }

    @Test
    void retryAfterIsAtLeastOneWholeSecond() {
        assertThat(LoginAttempts.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginAttempts.seconds(Duration.ofMillis(1_001))).isEqualTo(2);
        assertThat(LoginAttempts.seconds(Duration.ofSeconds(60))).isEqualTo(60);
    }
}
