package io.tandem.query.config;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Splits the processors' segments fairly across the query-side nodes. A pooled processor claims every unclaimed
 * segment it can, so the first node to start would keep them all; each node therefore reports itself alive in
 * MongoDB ({@code query_nodes}, one document, read and written by {@code _id}) and, when it holds more than its share
 * of a processor's segments ({@code ceil(segments / live nodes)}), releases the excess for long enough that another
 * node claims it. A node that dies stops reporting and stops renewing its claims: after the claim timeout the others
 * claim its segments (nothing limits how many a node may take over).
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String NODES_ID = "query-nodes";

    private final MongoCollection<Document> nodes;
    private final EventProcessingConfiguration processing;
    private final ProcessingProperties properties;
    private final Clock clock;
    private final String nodeId = UUID.randomUUID().toString();
    private ScheduledExecutorService rounds;

    @Autowired
    SegmentBalancer(MongoDatabase tandemDatabase, EventProcessingConfiguration processing,
                    ProcessingProperties properties) {
        this(tandemDatabase, processing, properties, Clock.systemUTC());
    }

    SegmentBalancer(MongoDatabase tandemDatabase, EventProcessingConfiguration processing,
                    ProcessingProperties properties, Clock clock) {
        this.nodes = tandemDatabase.getCollection("query_nodes").withWriteConcern(WriteConcern.W1.withJournal(false));
        this.processing = processing;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        long period = properties.claimTimeout().dividedBy(2).toMillis();
        rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::balance, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops balancing and reports this node gone, so that the others' shares grow at once. */
    @Override
    public synchronized void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds = null;
            try {
                nodes.updateOne(Filters.eq("_id", NODES_ID), Updates.unset("nodes." + nodeId));
            } catch (MongoException e) {
                LOG.warn("Could not report this node gone (its entry expires): {}", e.toString());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return rounds != null;
    }

    /** Reports this node alive, then gives up what it holds of each processor beyond its share. */
    void balance() {
        try {
            int share = share(reportAlive());
            for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .toList()) {
                release(processor, share);
            }
        } catch (RuntimeException e) {
            // a failed round must not end the schedule
            LOG.warn("Segment balancing skipped, retried at the next round: {}", e.toString());
        }
    }

    /** Reports this node alive and answers how many nodes are (this one included). */
    int reportAlive() {
        Instant now = clock.instant();
        nodes.updateOne(Filters.eq("_id", NODES_ID), Updates.set("nodes." + nodeId, Date.from(now)),
                        new UpdateOptions().upsert(true));
        Document document = nodes.find(Filters.eq("_id", NODES_ID)).first();
        Instant aliveSince = now.minus(properties.claimTimeout());
        int alive = 0;
        List<Bson> forgotten = new ArrayList<>();
        if (document != null && document.get("nodes") instanceof Document seen) {
            for (var entry : seen.entrySet()) {
                Instant seenAt = ((Date) entry.getValue()).toInstant();
                if (seenAt.isAfter(aliveSince)) {
                    alive++;
                } else if (seenAt.isBefore(now.minus(properties.claimTimeout().multipliedBy(10)))) {
                    forgotten.add(Updates.unset("nodes." + entry.getKey()));
                }
            }
        }
        if (!forgotten.isEmpty()) {
            nodes.updateOne(Filters.eq("_id", NODES_ID), Updates.combine(forgotten));
        }
        return Math.max(alive, 1);
    }

    /** This node's fair number of segments per processor among {@code aliveNodes}. */
    int share(int aliveNodes) {
        return (properties.segments() + aliveNodes - 1) / aliveNodes;
    }

    private void release(StreamingEventProcessor processor, int share) {
        List<Integer> claimed = processor.processingStatus().keySet().stream().sorted().toList();
        Duration releaseFor = properties.claimTimeout().multipliedBy(2);
        for (int segment : claimed.subList(Math.min(share, claimed.size()), claimed.size())) {
            LOG.info("Releasing segment {} of {} for another node ({} held, share {})", segment,
                     processor.getName(), claimed.size(), share);
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
