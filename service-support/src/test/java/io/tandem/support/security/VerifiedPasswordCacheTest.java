package io.tandem.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger fullChecks = new AtomicInteger();
    final AtomicLong now = new AtomicLong(1_000);
    final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            fullChecks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    };
    final String stored = bcrypt.encode("s3cret");

    @Test
    void aMatchingPasswordIsCheckedInFullOncePerTtl() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), now::get);

        assertThat(cache.matches("s3cret", stored)).isTrue();
        assertThat(cache.matches("s3cret", stored)).isTrue();
        assertThat(cache.matches("s3cret", stored)).isTrue();
        assertThat(fullChecks).hasValue(1);

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(cache.matches("s3cret", stored)).isTrue();
        assertThat(fullChecks).as("checked in full again after the ttl").hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedInFullAndNeverAccepted() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), now::get);
        cache.matches("s3cret", stored);

        for (int i = 0; i < 3; i++) {
            assertThat(cache.matches("guess" + (i % 2), stored)).isFalse();
        }
        assertThat(cache.matches("s3cret ", stored)).isFalse();
        assertThat(fullChecks).hasValue(5);
    }

    @Test
    void aChangedPasswordIsNotMatchedByWhatWasRememberedForTheOldOne() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), now::get);
        assertThat(cache.matches("s3cret", stored)).isTrue();

        String changed = bcrypt.encode("n3w");

        assertThat(cache.matches("s3cret", changed)).isFalse();
        assertThat(cache.matches("n3w", changed)).isTrue();
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void aZeroTtlChecksEveryTime() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ZERO, now::get);

        cache.matches("s3cret", stored);
        cache.matches("s3cret", stored);

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void staysBoundedWhenManyUsersSignIn() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return rawPassword.toString();
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                fullChecks.incrementAndGet();
                return rawPassword.toString().equals(encodedPassword);
            }
        }, Duration.ofMinutes(5), now::get);

        for (int i = 0; i <= VerifiedPasswordCache.MAX_ENTRIES; i++) {
            cache.matches("p" + i, "p" + i);
        }
        int checks = fullChecks.get();
        cache.matches("p0", "p0");

        assertThat(fullChecks.get()).as("the full cache was emptied, so p0 is checked again").isEqualTo(checks + 1);
    }

    @Test
    void threadsCheckingAtOnceGetTheSameAnswersAndShareWhatWasRemembered() throws Exception {
        PasswordEncoder plain = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return "hash:" + rawPassword;
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                fullChecks.incrementAndGet();
                return encodedPassword.equals("hash:" + rawPassword);
            }
        };
        VerifiedPasswordCache cache = new VerifiedPasswordCache(plain, Duration.ofMinutes(5), now::get);
        int threads = 8;
        int users = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> wrongAnswers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                wrongAnswers.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String user = "user" + (i % users);
                        if (!cache.matches(user, "hash:" + user) || cache.matches(user + "?", "hash:" + user)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> answer : wrongAnswers) {
                assertThat(answer.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        int wrongPasswordChecks = threads * 2_000;
        assertThat(fullChecks.get() - wrongPasswordChecks)
                .as("full checks of right passwords: at most one per user and thread, the rest remembered")
                .isBetween(users, threads * users);
    }
}
