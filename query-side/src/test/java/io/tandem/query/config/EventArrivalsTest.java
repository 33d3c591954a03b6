package io.tandem.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventArrivalsTest {

    EmbeddedEventStore store;
    EventArrivals arrivals;
    ArrivalSignallingSource source;

    @BeforeEach
    void start() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).fetchDelay(10).build();
        arrivals = new EventArrivals(store);
        arrivals.start();
        source = new ArrivalSignallingSource(store, arrivals);
    }

    @AfterEach
    void stop() {
        arrivals.stop();
        store.shutDown();
    }

    @Test
    void aProcessorsStreamIsCalledBackWhenAnEventArrivesAndNoLongerOnceClosed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        assertThat(stream.setOnAvailableCallback(() -> {
            if (stream.hasNextAvailable()) {
                calls.incrementAndGet();
            }
        })).as("the stream takes an availability callback").isTrue();
        store.publish(new GenericDomainEventMessage<>("Plan", "p-1", 0, "planned"));

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > 0);
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("planned");

        stream.close();
        assertThat(arrivals.registered()).isZero();
    }
}
