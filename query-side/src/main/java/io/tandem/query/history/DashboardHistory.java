package io.tandem.query.history;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.dashboard.DashboardState;
import io.tandem.query.dashboard.DashboardView;
import io.tandem.query.dashboard.DashboardViews;
import io.tandem.query.dashboard.LastSync;
import io.tandem.query.decisions.DecisionLogQueries;
import io.tandem.query.history.ProductChanges.Boundary;
import io.tandem.query.readmodel.ReadModels;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A product's past: its dashboard as of any global position or instant, and what changed between two points, both
 * computed by replaying the product's events through the live projection's reducer. Membership is the caller's
 * concern.
 */
@Component
public class DashboardHistory {

    private final Replay replay;
    private final ProductHistoryIndex index;
    private final StoredEvents events;
    private final DecisionLogQueries decisions;
    private final Clock clock;

    DashboardHistory(MongoDatabase database, ReadModels readModels,
            @Qualifier("eventSerializer") Serializer eventSerializer, ObjectProvider<EventUpcaster> upcasters,
            DecisionLogQueries decisions, ObjectProvider<Clock> clock) {
        MongoDatabase history = readModels.serving(ProcessingGroups.PRODUCT_HISTORY);
        this.index = new ProductHistoryIndex(history);
        this.events = new StoredEvents(database, eventSerializer,
                new EventUpcasterChain(upcasters.orderedStream().toList()));
        this.replay = new Replay(index, events, new HistorySnapshots(history));
        this.decisions = decisions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Replays the product to its latest event over the given index and snapshots — the generation the history
     * projection writes, which differs from the one queries read while it is rebuilt — saving every snapshot passed.
     */
    void snapshotLatest(ProductHistoryIndex writtenIndex, HistorySnapshots writtenSnapshots, String productId) {
        new Replay(writtenIndex, events, writtenSnapshots).run(productId, null, new HistoryPoint.Latest());
    }

    /** The product's state at {@code point}; empty when the product had no event by then. */
    public Optional<DashboardState> stateAsOf(String productId, HistoryPoint point) {
        DashboardState state = replay.run(productId, null, resolve(productId, point)).to();
        return state.version() == 0 ? Optional.empty() : Optional.of(state);
    }

    /**
     * The product's dashboard at {@code point}, rendered as it looked then: at the instant for an instant (now, if
     * that is earlier), at the time of the last event included for a position; empty when the product had no event
     * by then.
     */
    public Optional<DashboardView> asOf(String productId, HistoryPoint point) {
        Instant now = clock.instant();
        return stateAsOf(productId, point).map(state -> DashboardViews.render(state,
                point instanceof HistoryPoint.At at ? (at.at().isBefore(now) ? at.at() : now)
                        : point instanceof HistoryPoint.Position ? state.updatedAt() : now));
    }

    /**
     * What changed after {@code from} up to {@code to}; a null {@code from} means the last sync meeting before
     * {@code to} (the product's beginning when none was held), a null {@code to} means now. Empty when the product
     * has no event by {@code to}.
     *
     * @throws UnknownMeetingException when a point names a sync meeting the product did not hold
     */
    public Optional<ProductChanges> changes(String productId, HistoryPoint from, HistoryPoint to) {
        HistoryPoint end = to == null ? new HistoryPoint.Latest() : resolve(productId, to);
        HistoryPoint start = from == null ? null : resolve(productId, from);
        Boundary startBoundary = null;
        if (start == null) {
            Optional<Map.Entry<String, Long>> meeting = lastIndexedMeeting(productId, end);
            if (meeting.isPresent()) {
                start = new HistoryPoint.Position(meeting.get().getValue());
                startBoundary = new Boundary("syncMeeting", meeting.get().getKey(), meeting.get().getValue());
            }
        }
        if (start == null) {
            Optional<DashboardState> atEnd = stateAsOf(productId, end);
            if (atEnd.isEmpty()) {
                return Optional.empty();
            }
            LastSync sync = DashboardViews.render(atEnd.get(), clock.instant()).lastSync();
            start = sync == null ? new HistoryPoint.Beginning() : new HistoryPoint.Position(sync.globalPosition());
            startBoundary = sync == null ? new Boundary("start", null, -1)
                    : new Boundary("syncMeeting", sync.meetingId(), sync.globalPosition());
        }
        Replay.Result result = replay.run(productId, start, end);
        if (result.to().version() == 0) {
            return Optional.empty();
        }
        DashboardView before = DashboardViews.render(result.from(), clock.instant());
        return Optional.of(ChangeReport.of(productId,
                startBoundary != null ? startBoundary : boundary(from, result.from()),
                boundary(to == null ? new HistoryPoint.Latest() : to, result.to()), before, result.between()));
    }

    /**
     * The last sync meeting up to {@code end} from the history index, without replaying to {@code end} to read the
     * dashboard's last sync: for {@code end} now or a position, when the index has recorded a meeting by then.
     * Otherwise (an instant, no meeting recorded) the caller replays.
     */
    private Optional<Map.Entry<String, Long>> lastIndexedMeeting(String productId, HistoryPoint end) {
        if (end instanceof HistoryPoint.Latest) {
            return index.lastMeeting(productId, Long.MAX_VALUE);
        }
        if (end instanceof HistoryPoint.Position position) {
            return index.lastMeeting(productId, position.position());
        }
        return Optional.empty();
    }

    private HistoryPoint resolve(String productId, HistoryPoint point) {
        if (point instanceof HistoryPoint.Meeting meeting) {
            OptionalLong indexed = index.meetingPosition(productId, meeting.meetingId());
            if (indexed.isPresent()) {
                return new HistoryPoint.Position(indexed.getAsLong());
            }
            // histories indexed before meetings were recorded in the index
            return decisions.timeline(productId, meeting.meetingId()).stream()
                    .filter(entry -> SyncMeetingHeldEvent.class.getSimpleName().equals(entry.type() + "Event"))
                    .findFirst().map(entry -> (HistoryPoint) new HistoryPoint.Position(entry.globalPosition()))
                    .orElseThrow(() -> new UnknownMeetingException(productId, meeting.meetingId()));
        }
        return point;
    }

    private static Boundary boundary(HistoryPoint point, DashboardState state) {
        long last = state.lastGlobalPosition();
        if (point instanceof HistoryPoint.Meeting m) {
            return new Boundary("syncMeeting", m.meetingId(), last);
        }
        if (point instanceof HistoryPoint.At at) {
            return new Boundary("instant", at.at().toString(), last);
        }
        if (point instanceof HistoryPoint.Position p) {
            return new Boundary("position", String.valueOf(p.position()), last);
        }
        return new Boundary(point instanceof HistoryPoint.Beginning ? "start" : "now", null, last);
    }
}
