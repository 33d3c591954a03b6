package io.tandem.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.decisions.MongoTestSupport;
import io.tandem.query.decisions.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nodes sharing one database split each processor's four segments by the number of live nodes. */
class SegmentBalancerTest {

    private final MongoDatabase database = MongoTestSupport.freshDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final ProcessingProperties properties =
            new ProcessingProperties(4, 2, 50, Duration.ofSeconds(10), false, 500);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);

    @BeforeEach
    void setUp() {
        when(processing.eventProcessors()).thenReturn(Map.of("dashboard", processor));
        when(processor.getName()).thenReturn("dashboard");
    }

    private SegmentBalancer node() {
        return new SegmentBalancer(database, processing, properties, clock);
    }

    @Test
    void aLoneNodeKeepsEverySegment() {
        holding(0, 1, 2, 3);

        node().balance();

        verify(processor, never()).releaseSegment(anyInt(), anyLong(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aNodeHoldingMoreThanItsShareReleasesTheExcessLongerThanAClaimRound() {
        node().reportAlive();
        holding(0, 1, 2, 3);

        node().balance();

        verify(processor).releaseSegment(eq(2), eq(20_000L), eq(TimeUnit.MILLISECONDS));
        verify(processor).releaseSegment(eq(3), eq(20_000L), eq(TimeUnit.MILLISECONDS));
        verify(processor, never()).releaseSegment(eq(0), anyLong(), org.mockito.ArgumentMatchers.any());
        verify(processor, never()).releaseSegment(eq(1), anyLong(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void liveNodesAreCountedAndSilentOnesDropOutAfterTheClaimTimeout() {
        SegmentBalancer a = node();
        SegmentBalancer b = node();
        SegmentBalancer c = node();
        a.reportAlive();
        b.reportAlive();
        assertThat(c.reportAlive()).isEqualTo(3);
        assertThat(c.share(3)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(6));
        b.reportAlive();
        clock.advance(Duration.ofSeconds(5));

        assertThat(a.reportAlive()).as("a itself and b, not c (silent for 11 s)").isEqualTo(2);
        assertThat(a.share(2)).isEqualTo(2);
        assertThat(a.share(1)).isEqualTo(4);
    }

    private void holding(int... segments) {
        Map<Integer, EventTrackerStatus> status = new java.util.HashMap<>();
        for (int segment : segments) {
            status.put(segment, mock(EventTrackerStatus.class));
        }
        when(processor.processingStatus()).thenReturn(status);
    }
}
