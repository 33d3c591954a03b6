package io.tandem.query.readmodel;

import io.tandem.query.readmodel.RebuildProgress.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a processor's read model from the event store while the old one keeps answering: the projections switch
 * to a fresh generation ({@link ReadModels#beginRebuild}), the processor's tokens are reset so it replays every event
 * into it, and once every segment has reached the store's head at the start, the new generation answers and
 * the old one is dropped. Progress (events replayed of the total, rate, ETA) is kept per processor, logged every
 * {@code tandem.rebuild.log-interval} and shown in health and on the admin API. A rebuild interrupted by a restart
 * is resumed: the reset tokens are stored, and the node keeps watching for the catch-up.
 *
 * <p>The tokens of every segment must be free to reset, so with several query-side nodes the processor must run on
 * this node only while it rebuilds.
 */
@Component
@EnableConfigurationProperties(RebuildProperties.class)
public class Rebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final long WATCH_MILLIS = 250;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final ReadModels readModels;
    private final RebuildProperties properties;
    private final Clock clock;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    Rebuilds(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
             ReadModels readModels, RebuildProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.readModels = readModels;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Resumes watching rebuilds a restart interrupted, then starts those asked for on the command line. */
    @EventListener(ApplicationReadyEvent.class)
    void onStarted() {
        for (String group : ReadModels.COLLECTIONS.keySet()) {
            if (readModels.generation(group).rebuilding()) {
                log.info("Resuming the rebuild of read model {} interrupted by a restart", group);
                watch(group, readModels.generation(group));
            }
        }
        properties.onStart().forEach(this::start);
    }

    /**
     * Starts rebuilding the processor's read model.
     *
     * @throws UnknownProcessorException   when there is no such processor
     * @throws RebuildConflictException when it is already being rebuilt
     */
    public synchronized RebuildProgress start(String group) {
        StreamingEventProcessor processor = processor(group)
                .orElseThrow(() -> new UnknownProcessorException(group));
        Watch running = watches.get(group);
        if (running != null && running.progress.state() == State.REBUILDING) {
            throw new RebuildConflictException(group);
        }
        Generation generation = readModels.beginRebuild(group);
        log.info("Rebuilding read model {} into generation {}", group, generation.writing());
        try {
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
            processor.resetTokens();
        } catch (Exception e) {
            readModels.abandonRebuild(group); // the projections go on writing the generation that answers
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not reset processor " + group + ": " + e.getMessage(), e);
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
        }
        return watch(group, generation).progress;
    }

    /** The processor's last rebuild on this node, if any. */
    public Optional<RebuildProgress> progress(String group) {
        return Optional.ofNullable(watches.get(group)).map(watch -> watch.progress);
    }

    /** Every processor with the state of its read model. */
    public List<ProcessorStatus> processors() {
        return ReadModels.COLLECTIONS.keySet().stream().sorted().map(group -> {
            Optional<StreamingEventProcessor> processor = processor(group);
            return new ProcessorStatus(group, processor.map(StreamingEventProcessor::isRunning).orElse(false),
                    processor.map(StreamingEventProcessor::isReplaying).orElse(false),
                    processor.map(StreamingEventProcessor::isError).orElse(false),
                    readModels.generation(group).serving(), progress(group).orElse(null));
        }).toList();
    }

    private Optional<StreamingEventProcessor> processor(String group) {
        return ReadModels.COLLECTIONS.containsKey(group)
                ? processing.eventProcessor(group, StreamingEventProcessor.class) : Optional.empty();
    }

    private Watch watch(String group, Generation generation) {
        long total = eventStore.createHeadToken().position().orElse(0);
        Watch watch = new Watch(group, generation.writing(), total, clock.instant());
        watches.put(group, watch);
        watch.future = scheduler.scheduleWithFixedDelay(() -> check(watch), WATCH_MILLIS, WATCH_MILLIS,
                TimeUnit.MILLISECONDS);
        return watch;
    }

    private void check(Watch watch) {
        try {
            StreamingEventProcessor processor = processor(watch.group).orElseThrow();
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long processed = status.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
            boolean caughtUp = status.size() == tokenStore.fetchSegments(watch.group).length
                    && processed >= watch.total;
            Instant now = clock.instant();
            watch.update(Math.min(processed, watch.total), now);
            if (caughtUp) {
                readModels.finishRebuild(watch.group);
                watch.finish(State.DONE, now, null);
                log.info("Rebuilt read model {}: {} events in {} s; generation {} now answers", watch.group,
                        watch.total, Duration.between(watch.progress.startedAt(), now).toSeconds(), watch.generation);
            } else if (processor.isError() || !processor.isRunning()) {
                watch.finish(State.FAILED, now, "processor " + watch.group + (processor.isError()
                        ? " is in error" : " stopped") + "; the previous read model keeps answering");
                log.error("Rebuild of read model {} failed: {}", watch.group, watch.progress.error());
            } else if (watch.dueForLog(now, properties.logInterval())) {
                RebuildProgress p = watch.progress;
                log.info("Rebuilding read model {}: {} / {} events ({} %), {} events/s, ETA {}", watch.group,
                        p.processed(), p.total(), p.percent(), Math.round(p.eventsPerSecond()),
                        p.etaSeconds() == null ? "unknown" : p.etaSeconds() + " s");
            }
        } catch (RuntimeException e) {
            watch.finish(State.FAILED, clock.instant(), e.getMessage());
            log.error("Rebuild of read model {} failed", watch.group, e);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    /** One rebuild being watched. */
    private static final class Watch {

        private final String group;
        private final int generation;
        private final long total;
        private volatile RebuildProgress progress;
        private volatile ScheduledFuture<?> future;
        private long lastProcessed;
        private Instant lastSample;
        private Instant lastLog;

        Watch(String group, int generation, long total, Instant startedAt) {
            this.group = group;
            this.generation = generation;
            this.total = total;
            this.progress = new RebuildProgress(group, State.REBUILDING, 0, total, 0, null, startedAt, null, null);
            this.lastSample = startedAt;
            this.lastLog = startedAt;
        }

        void update(long processed, Instant now) {
            long millis = Duration.between(lastSample, now).toMillis();
            double rate = millis <= 0 ? progress.eventsPerSecond()
                    : 0.7 * progress.eventsPerSecond() + 0.3 * ((processed - lastProcessed) * 1000d / millis);
            Long eta = rate > 0 ? Math.round((total - processed) / rate) : null;
            progress = new RebuildProgress(group, State.REBUILDING, processed, total, rate, eta,
                    progress.startedAt(), null, null);
            lastProcessed = processed;
            lastSample = now;
        }

        boolean dueForLog(Instant now, Duration interval) {
            if (Duration.between(lastLog, now).compareTo(interval) < 0) {
                return false;
            }
            lastLog = now;
            return true;
        }

        void finish(State state, Instant now, String error) {
            RebuildProgress p = progress;
            long done = state == State.DONE ? total : p.processed();
            progress = new RebuildProgress(group, state, done, total, p.eventsPerSecond(), state == State.DONE ? 0L
                    : null, p.startedAt(), now, error);
            if (future != null) {
                future.cancel(false);
            }
        }
    }
}
