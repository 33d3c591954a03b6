package io.tandem.query.dashboard;

import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.query.decisions.DecisionDescriptions;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.decisions.DecisionLogEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The dashboard's one reducer: {@code apply(state, event)} is the state after the event. Pure — no clock, no I/O, the
 * given state is never changed — so the live projection and a replay of a product's history to any past moment give
 * the same dashboard. {@code applyInPlace} makes the same change to a state its caller owns alone, without the copy.
 *
 * <p>Idempotent by (aggregate identifier, sequence number): the state remembers the last sequence number it applied
 * per aggregate, and an event at or below it returns the state unchanged (the same instance). Events of one aggregate
 * arrive in order; events of different aggregates (the plan, each feedback item) may interleave in any order, so
 * nothing here assumes an order between them.
 *
 * <p>Every applied event raises {@code version} by one, becomes one of the last {@value #RECENT_DECISIONS} decisions
 * (by global position), counts as a change since the last sync meeting when its global position is after the
 * meeting's, re-evaluates the plan alerts and adds a point (event time, alignment score at that time) to the trend,
 * which keeps the last {@value #TREND_POINTS}.
 */
public final class DashboardReducer {

    static final int RECENT_DECISIONS = 20;
    static final int TREND_POINTS = 100;

    private DashboardReducer() {
    }

    /** The state after {@code event}; {@code state} itself when the event is for another product or already applied. */
    public static DashboardState apply(DashboardState state, DecisionEvent event) {
        if (ignores(state, event)) {
            return state;
        }
        DashboardState next = state.copy();
        change(next, event);
        return next;
    }

    /**
     * Applies {@code event} to {@code owned} itself instead of to a copy: the same change as {@link #apply}, for a
     * caller that holds the only reference to the state (a replay walking a product's history, which would otherwise
     * copy every list of the state at every event). Answers whether the event changed it.
     */
    public static boolean applyInPlace(DashboardState owned, DecisionEvent event) {
        if (ignores(owned, event)) {
            return false;
        }
        change(owned, event);
        return true;
    }

    private static boolean ignores(DashboardState state, DecisionEvent event) {
        return !state.productId.equals(event.productId()) || alreadyApplied(state, event);
    }

    /** The one place an event changes a dashboard; {@code next} holds the state before the event. */
    private static void change(DashboardState next, DecisionEvent event) {
        DecisionLogEntry decision = DecisionDescriptions.describe(event, new StateItems(next));
        List<Alert> alertsBefore = next.alerts;
        if (event.aggregateId() != null) {
            next.markApplied(event.aggregateId(), event.sequenceNumber(), event.globalPosition());
        }
        next.version++;
        next.lastGlobalPosition = Math.max(next.lastGlobalPosition, event.globalPosition());
        next.updatedAt = latest(next.updatedAt, event.timestamp());
        PlanChanges.apply(next, event.payload());
        BacklogChanges.apply(next, event.payload());
        FeedbackChanges.apply(next, event.payload(), event.timestamp());
        FeedbackChanges.prune(next);
        recordDecision(next, decision);
        countTowardsSync(next, event);
        next.alerts = AlertRules.planAlerts(next, alertsBefore, event.timestamp());
        next.trend.add(new TrendPoint(event.timestamp(), AlignmentFigures.scoreOf(next, event.timestamp())));
        dropOldest(next.trend, TREND_POINTS);
    }

    /** Applies events in order, e.g. a product's history up to some point. */
    public static DashboardState applyAll(DashboardState state, List<DecisionEvent> events) {
        DashboardState current = state;
        for (DecisionEvent event : events) {
            current = apply(current, event);
        }
        return current;
    }

    private static boolean alreadyApplied(DashboardState state, DecisionEvent event) {
        return event.aggregateId() != null && event.sequenceNumber() <= state.lastSequenceOf(event.aggregateId());
    }

    private static void recordDecision(DashboardState s, DecisionLogEntry decision) {
        s.recentDecisions.add(decision);
        s.recentDecisions.sort(Comparator.comparingLong(DecisionLogEntry::globalPosition));
        dropOldest(s.recentDecisions, RECENT_DECISIONS);
    }

    private static void countTowardsSync(DashboardState s, DecisionEvent event) {
        long position = event.globalPosition();
        if (event.payload() instanceof SyncMeetingHeldEvent e) {
            if (s.lastSync == null || position > s.lastSync.globalPosition()) {
                s.lastSync = new LastSync(e.meetingId(), e.title(), event.timestamp(), position, e.attendees());
                s.changesSinceLastSync = 0;
            }
        } else if (s.lastSync != null && position > s.lastSync.globalPosition()) {
            s.changesSinceLastSync++;
        }
    }

    private static void dropOldest(List<?> list, int keep) {
        if (list.size() > keep) {
            list.subList(0, list.size() - keep).clear();
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
