package io.tandem.eventstore;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonMakesItsMessageIdentifiersWithIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        String identifier = GenericEventMessage.asEventMessage("payload").getIdentifier();
        assertThat(UUID.fromString(identifier).version()).isEqualTo(7);
    }

    @Test
    void identifiersAreVersionSevenUuidsCarryingTheMillisecond() {
        long now = 1_764_500_000_123L;
        UUID uuid = UUID.fromString(new TimeOrderedIdentifierFactory(() -> now).generateIdentifier());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(now);
    }

    @Test
    void theirTextSortsByTime() {
        List<Long> times = new ArrayList<>(List.of(0x0FFFL, 0x1000L, 0xFFFF_FFFFL, 0x1_0000_0000L, (1L << 48) - 1));
        for (int i = 0; i < 1000; i++) {
            times.add(ThreadLocalRandom.current().nextLong(0, 1L << 48));
        }
        List<Made> made = new ArrayList<>();
        for (long time : times) {
            made.add(new Made(time, new TimeOrderedIdentifierFactory(() -> time).generateIdentifier()));
        }
        made.sort(Comparator.comparing(Made::identifier));
        assertThat(made).extracting(Made::time).isSorted();
    }

    private record Made(long time, String identifier) {
    }

    @Test
    void threadsMakingThemInTheSameMillisecondNeverCollide() throws Exception {
        TimeOrderedIdentifierFactory factory = new TimeOrderedIdentifierFactory(() -> 1_764_500_000_000L);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        seen.add(factory.generateIdentifier());
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(seen).hasSize(200_000);
    }
}
