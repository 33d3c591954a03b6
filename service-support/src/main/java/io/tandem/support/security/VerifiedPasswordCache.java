package io.tandem.support.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a while, that a password matched its stored hash, so that a client sending HTTP Basic on every
 * request pays for bcrypt (tens of milliseconds of CPU by design) once per {@code ttl} instead of on every request.
 * <p>
 * Only successful checks are remembered, and only as an HMAC of the stored hash and the presented password under a
 * key made at start and never stored: the cache holds no password, a wrong password always pays the full check (so
 * guessing stays as slow as bcrypt makes it), and a changed password (a new stored hash) is never matched by an
 * entry of the old one. Bounded: when full, it is emptied.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final SecretKeySpec key;
    /** One keyed HMAC per thread: made once, reset by each {@code doFinal}; making one per check was measurable. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.clock = nanoClock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttlNanos <= 0) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = fingerprint(rawPassword, encodedPassword);
        long now = clock.getAsLong();
        Long until = verifiedUntil.get(entry);
        if (until != null && now - until < 0) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.clear();
            }
            verifiedUntil.put(entry, now + ttlNanos);
        } else if (until != null) {
            verifiedUntil.remove(entry);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        Mac mac = macs.get();
        mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
