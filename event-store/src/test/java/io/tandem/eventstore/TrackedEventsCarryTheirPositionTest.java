package io.tandem.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedEventsCarryTheirPositionTest {

    private static MemoryStore store;

    @BeforeAll
    static void startStore() {
        store = new MemoryStore();
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    void everyTrackedEventCarriesItsGlobalPositionAsLongMetadataEvenWhenItFillsAGap() {
        SequencedMongoEventStorageEngine engine = store.engineOn(store.freshDatabase())
                                                       .exposeGlobalPosition(true).build();
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Test", "a", i, "payload " + i));
        }
        GapAwareTrackingToken gapAtTwo = GapAwareTrackingToken.newInstance(4, new TreeSet<>(List.of(2L)));

        List<Object> all;
        List<Object> fromGap;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            all = stream.map(event -> event.getMetaData().get(SequencedMongoEventStorageEngine.GLOBAL_POSITION))
                        .collect(Collectors.toList());
        }
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(gapAtTwo, false)) {
            fromGap = stream.map(event -> event.getMetaData().get(SequencedMongoEventStorageEngine.GLOBAL_POSITION))
                            .collect(Collectors.toList());
        }

        assertThat(all).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(fromGap).containsExactly(2L, 5L);
        assertThat(engine.readEvents("a").asStream().map(e -> e.getMetaData().containsKey("globalPosition")))
                .as("aggregate loads are not tracked reads").containsOnly(false);
    }
}
