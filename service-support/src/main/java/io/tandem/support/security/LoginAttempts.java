package io.tandem.support.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per username and per client address and says when a key has failed too often: after
 * {@code maxFailures} failures within {@code window} of the first one, every further attempt with that username or
 * from that address is refused, even with the right password, until the window has passed. A success resets nothing,
 * so signing in from one address never frees a username or an address that someone else is guessing at.
 * <p>
 * Bounded: at most {@link #MAX_TRACKED_KEYS} keys are tracked; when full, expired windows are dropped first and, if
 * that frees nothing, a new key is not tracked (the keys already counted stay limited).
 */
public final class LoginAttempts {

    static final int MAX_TRACKED_KEYS = 10_000;

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** A key's failures since {@code start} (nanos of the clock). */
    private record Window(long start, int failures) {
    }

    public LoginAttempts(int maxFailures, Duration window, LongSupplier nanoClock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("tandem.security.login-attempts: max-failures and window must be "
                    + "positive");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    /**
     * How long an attempt with this username from this address must still wait: zero when neither is limited.
     * Either may be {@code null} (a malformed credential names no user).
     */
    public Duration retryAfter(String username, String address) {
        long now = clock.getAsLong();
        long wait = Math.max(remaining(userKey(username), now), remaining(addressKey(address), now));
        return Duration.ofNanos(wait);
    }

    /** Records a failed sign-in of the username (if any) from the address (if known). */
    public void failed(String username, String address) {
        long now = clock.getAsLong();
        count(userKey(username), now);
        count(addressKey(address), now);
    }

    /** Whole seconds to put in a {@code Retry-After} header: at least one. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    int trackedKeys() {
        return windows.size();
    }

    private long remaining(String key, long now) {
        Window window = key == null ? null : windows.get(key);
        if (window == null || window.failures() < maxFailures) {
            return 0;
        }
        long left = window.start() + windowNanos - now;
        return Math.max(0, left);
    }

    private void count(String key, long now) {
        if (key == null) {
            return;
        }
        if (!windows.containsKey(key) && windows.size() >= MAX_TRACKED_KEYS) {
            windows.values().removeIf(window -> now - window.start() >= windowNanos);
            if (windows.size() >= MAX_TRACKED_KEYS) {
                return;
            }
        }
        windows.compute(key, (k, window) -> window == null || now - window.start() >= windowNanos
                ? new Window(now, 1) : new Window(window.start(), window.failures() + 1));
    }

    private static String userKey(String username) {
        return username == null ? null : "user:" + username;
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }
}
