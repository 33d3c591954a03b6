package io.tandem.query.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tandem.processor.lag}: per processor and segment claimed by this node, the events between the store's head
 * (its highest global position) and the segment's token. The segments a node holds change as nodes start, stop and
 * take over claims, so the set of gauges is refreshed every second ({@link #refresh}); each value is computed when it
 * is read, with the head asked of the store at most once a second however often it is scraped.
 */
final class ProcessorLagMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorLagMetrics.class);

    static final String NAME = "tandem.processor.lag";
    static final Duration HEAD_CACHE = Duration.ofSeconds(1);

    private final Supplier<Map<String, StreamingEventProcessor>> processors;
    private final LongSupplier headPosition;
    private final LongSupplier nanoClock;
    private final MultiGauge gauge;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processor-lag-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private long head;
    private long headReadAt;
    private boolean headRead;

    /**
     * @param processors   this node's streaming processors by name
     * @param headPosition asks the store for its head position
     * @param nanoClock    {@link System#nanoTime()}, or a test's clock
     */
    ProcessorLagMetrics(Supplier<Map<String, StreamingEventProcessor>> processors, LongSupplier headPosition,
                        LongSupplier nanoClock, MeterRegistry registry) {
        this.processors = processors;
        this.headPosition = headPosition;
        this.nanoClock = nanoClock;
        this.gauge = MultiGauge.builder(NAME)
                               .description("Events between the event store's head and the segment's token")
                               .register(registry);
    }

    /** Refreshes the gauges every second on a daemon thread of its own, until {@link #close}; call once. */
    void start() {
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, 1, TimeUnit.SECONDS);
    }

    void close() {
        refresher.shutdownNow();
    }

    /** One gauge per segment the processors hold now; those of released segments disappear. */
    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        processors.get().forEach((name, processor) -> processor.processingStatus().keySet().forEach(segment ->
                rows.add(MultiGauge.Row.of(Tags.of("processor", name, "segment", Integer.toString(segment)),
                                           () -> lag(name, segment)))));
        gauge.register(rows, false);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the processor lag gauges", e);
        }
    }

    private double lag(String processorName, int segment) {
        StreamingEventProcessor processor = processors.get().get(processorName);
        EventTrackerStatus status = processor == null ? null : processor.processingStatus().get(segment);
        if (status == null) {
            return Double.NaN;
        }
        return Math.max(0, head() - status.getCurrentPosition().orElse(0));
    }

    private synchronized long head() {
        long now = nanoClock.getAsLong();
        if (!headRead || now - headReadAt >= HEAD_CACHE.toNanos()) {
            head = headPosition.getAsLong();
            headReadAt = now;
            headRead = true;
        }
        return head;
    }
}
