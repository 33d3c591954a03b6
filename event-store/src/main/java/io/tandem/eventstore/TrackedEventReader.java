package io.tandem.eventstore;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the event stream in global order for tracking processors, with Axon's {@link GapAwareTrackingToken}.
 * <p>
 * Each poll asks for the token's gaps plus the next window of positions by {@code _id $in [...]}, so it is served by
 * the {@code _id} index on every server and costs the same however large the store is. The global counter says where
 * the head is: a position at or below it that holds nothing yet is an append still in flight (a gap the token keeps
 * and asks for again), never a reason to stop. A gap is dropped only when it is filled (by its event or by a void
 * marker of a failed append), when it falls more than {@code maxGapOffset} behind the token, or when it has been open
 * longer than the gap timeout: proven by a later position whose {@code storedAt} is older than the timeout (positions
 * are allocated in order, so the gap was allocated even earlier).
 * <p>
 * While no server of the store can be reached (none to select, or the connection cut in the middle of a read) there
 * is nothing to read yet: a poll answers no events (the token stays where it is, so nothing is skipped) and Axon's
 * event store polls again after its fetch delay. Throwing instead made it log a stack trace at every poll, 50 a
 * second, once store operations began to fail at once during an outage. The outage is logged once when it starts
 * and once when reading works again.
 */
final class TrackedEventReader {

    private static final Logger log = LoggerFactory.getLogger(TrackedEventReader.class);

    private final MongoCollection<BsonDocument> events;
    private final GlobalSequence sequence;
    private final int maxGapOffset;
    private final Duration gapTimeout;
    private final Clock clock;
    private final boolean exposePosition;
    /** Whether the last poll found no server to read from. */
    private final AtomicBoolean unreachable = new AtomicBoolean();

    TrackedEventReader(MongoCollection<BsonDocument> events, GlobalSequence sequence, int maxGapOffset,
                       Duration gapTimeout, Clock clock, boolean exposePosition) {
        this.events = events;
        this.sequence = sequence;
        this.maxGapOffset = maxGapOffset;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
        this.exposePosition = exposePosition;
    }

    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        List<TrackedEventData<?>> events;
        try {
            events = read(lastToken, batchSize);
        } catch (MongoSocketException | MongoTimeoutException noServer) {
            if (unreachable.compareAndSet(false, true)) {
                log.warn("Cannot read events, no server of the store can be reached; tracking waits for it: {}",
                         noServer.toString());
            }
            return List.of();
        }
        if (unreachable.compareAndSet(true, false)) {
            log.info("Reading events again: the store can be reached");
        }
        return events;
    }

    private List<TrackedEventData<?>> read(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet())
                : (GapAwareTrackingToken) lastToken;
        token = withoutTimedOutGaps(token);
        long head = sequence.head();
        long windowStart = token.getIndex() + 1;
        List<TrackedEventData<?>> result = new ArrayList<>();
        SortedSet<Long> gaps = token.getGaps();
        while (result.isEmpty() && (windowStart <= head || !gaps.isEmpty())) {
            long windowEnd = Math.min(windowStart + batchSize - 1, head);
            List<Long> positions = new ArrayList<>(gaps);
            for (long position = windowStart; position <= windowEnd; position++) {
                positions.add(position);
            }
            token = collect(positions, token, result);
            if (windowEnd >= head) {
                break;
            }
            windowStart = windowEnd + 1;
            gaps = Collections.emptySortedSet();
        }
        return result;
    }

    private GapAwareTrackingToken collect(List<Long> positions, GapAwareTrackingToken token,
                                          List<TrackedEventData<?>> result) {
        Instant timeoutFrame = clock.instant().minus(gapTimeout);
        for (BsonDocument document : events.find(Filters.in(EventDocuments.ID, positions))
                                           .sort(Sorts.ascending(EventDocuments.ID))) {
            long position = EventDocuments.position(document);
            token = token.advanceTo(position, maxGapOffset);
            if (EventDocuments.isVoid(document)) {
                continue;
            }
            if (EventDocuments.storedAt(document).isBefore(timeoutFrame)) {
                token = token.withGapsTruncatedAt(position);
            }
            if (exposePosition) {
                EventDocuments.exposePosition(document);
            }
            result.add(EventDocuments.toTrackedEventData(document, token));
        }
        return token;
    }

    /** Drops gaps below the highest known position that was stored longer than the gap timeout ago. */
    private GapAwareTrackingToken withoutTimedOutGaps(GapAwareTrackingToken token) {
        if (token.getGaps().isEmpty()) {
            return token;
        }
        SortedSet<Long> probes = new TreeSet<>();
        probes.add(token.getIndex());
        token.getGaps().forEach(gap -> probes.add(gap + 1));
        Instant timeoutFrame = clock.instant().minus(gapTimeout);
        long truncateAt = -1;
        for (BsonDocument document : events.find(Filters.in(EventDocuments.ID, new ArrayList<>(probes)))
                                           .projection(Projections.include(EventDocuments.STORED_AT))) {
            if (EventDocuments.storedAt(document).isBefore(timeoutFrame)) {
                truncateAt = Math.max(truncateAt, EventDocuments.position(document));
            }
        }
        return truncateAt < 0 ? token : token.withGapsTruncatedAt(truncateAt);
    }
}
