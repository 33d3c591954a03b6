package io.tandem.query.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessorLagMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Map<Integer, EventTrackerStatus> claimed = new HashMap<>();
    final AtomicLong head = new AtomicLong();
    final AtomicInteger headReads = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    ProcessorLagMetrics metrics;

    @BeforeEach
    void setUp() {
        StreamingEventProcessor dashboard = mock(StreamingEventProcessor.class);
        when(dashboard.processingStatus()).thenAnswer(invocation -> Map.copyOf(claimed));
        metrics = new ProcessorLagMetrics(() -> Map.of("dashboard", dashboard), () -> {
            headReads.incrementAndGet();
            return head.get();
        }, nanos::get, registry);
    }

    @Test
    void reportsTheEventsBetweenTheStoresHeadAndEachClaimedSegment() {
        head.set(10);
        claimed.put(0, at(7));
        claimed.put(1, at(10));
        claimed.put(2, withoutToken());

        metrics.refresh();

        assertThat(lag("0")).isEqualTo(3);
        assertThat(lag("1")).isZero();
        assertThat(lag("2")).as("a segment that has read nothing yet").isEqualTo(10);
    }

    @Test
    void dropsTheGaugeOfASegmentThisNodeReleased() {
        claimed.put(0, at(1));
        claimed.put(1, at(1));
        metrics.refresh();

        claimed.remove(1);
        metrics.refresh();

        assertThat(registry.find(ProcessorLagMetrics.NAME).gauges()).hasSize(1);
        assertThat(registry.find(ProcessorLagMetrics.NAME).tag("segment", "1").gauge()).isNull();
    }

    @Test
    void asksTheStoreForItsHeadAtMostOnceASecond() {
        claimed.put(0, at(4));
        claimed.put(1, at(5));
        metrics.refresh();
        head.set(9);

        assertThat(lag("0")).isEqualTo(5);
        assertThat(lag("1")).isEqualTo(4);
        head.set(20);
        nanos.addAndGet(ProcessorLagMetrics.HEAD_CACHE.toNanos() - 1);
        assertThat(lag("0")).as("the head read a moment ago").isEqualTo(5);
        assertThat(headReads).hasValue(1);

        nanos.addAndGet(1);
        assertThat(lag("0")).isEqualTo(16);
        assertThat(headReads).hasValue(2);
    }

    private double lag(String segment) {
        Gauge gauge = registry.get(ProcessorLagMetrics.NAME).tag("processor", "dashboard").tag("segment", segment)
                              .gauge();
        return gauge.value();
    }

    private static EventTrackerStatus at(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }

    private static EventTrackerStatus withoutToken() {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.empty());
        return status;
    }
}
