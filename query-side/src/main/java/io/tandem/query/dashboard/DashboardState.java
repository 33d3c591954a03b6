package io.tandem.query.dashboard;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.tandem.query.decisions.DecisionLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the dashboard of one product knows, as plain data: stored as one MongoDB document (through Jackson) and
 * produced only by {@link DashboardReducer}. Time-dependent figures are not kept here; {@link DashboardViews} computes
 * them when rendering.
 *
 * <p>The containers are mutable for the reducer's working copy; the entries in them are immutable records, so a
 * {@link #copy()} of the containers is a full copy. Feedback is kept compact: untriaged feedback and feedback received
 * within 30 days of the newest event (for the inbox windows), plus every current link (for demand).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE)
public final class DashboardState {

    /**
     * How far behind the newest event an aggregate's last applied sequence number is kept to recognise a redelivery
     * (see {@link #markApplied}); the product-history index keeps its marks for as long.
     */
    public static final long MARK_WINDOW = 10_000;

    String productId;
    String name;
    String vision;
    long version;
    long lastGlobalPosition = -1;
    Instant updatedAt;
    List<SequenceMark> applied = new ArrayList<>();
    List<MemberEntry> members = new ArrayList<>();
    List<ObjectiveEntry> objectives = new ArrayList<>();
    List<RoadmapEntry> roadmap = new ArrayList<>();
    List<BacklogEntry> backlog = new ArrayList<>();
    List<ClosedBacklogEntry> closedBacklog = new ArrayList<>();
    List<FeedbackEntry> feedback = new ArrayList<>();
    List<FeedbackLink> feedbackLinks = new ArrayList<>();
    List<DecisionLogEntry> recentDecisions = new ArrayList<>();
    LastSync lastSync;
    long changesSinceLastSync;
    List<Alert> alerts = new ArrayList<>();
    List<TrendPoint> trend = new ArrayList<>();

    DashboardState() {
        // for Jackson
    }

    /** The dashboard of a product before its first event. */
    public static DashboardState empty(String productId) {
        DashboardState state = new DashboardState();
        state.productId = Objects.requireNonNull(productId, "productId");
        return state;
    }

    public String productId() {
        return productId;
    }

    /** How many events have been applied; grows by one with every applied event. */
    public long version() {
        return version;
    }

    /** The highest global position applied, -1 before the first event. */
    public long lastGlobalPosition() {
        return lastGlobalPosition;
    }

    /** The timestamp of the newest event applied, null before the first. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the oldest untriaged feedback was received, null when there is none. */
    public Instant oldestUntriagedAt() {
        return feedback.stream().filter(FeedbackEntry::untriaged).map(FeedbackEntry::receivedAt)
                       .min(Instant::compareTo).orElse(null);
    }

    /** A copy the reducer may change without touching this state. */
    DashboardState copy() {
        DashboardState c = new DashboardState();
        c.productId = productId;
        c.name = name;
        c.vision = vision;
        c.version = version;
        c.lastGlobalPosition = lastGlobalPosition;
        c.updatedAt = updatedAt;
        c.applied = new ArrayList<>(applied);
        c.members = new ArrayList<>(members);
        c.objectives = new ArrayList<>(objectives);
        c.roadmap = new ArrayList<>(roadmap);
        c.backlog = new ArrayList<>(backlog);
        c.closedBacklog = new ArrayList<>(closedBacklog);
        c.feedback = new ArrayList<>(feedback);
        c.feedbackLinks = new ArrayList<>(feedbackLinks);
        c.recentDecisions = new ArrayList<>(recentDecisions);
        c.lastSync = lastSync;
        c.changesSinceLastSync = changesSinceLastSync;
        c.alerts = new ArrayList<>(alerts);
        c.trend = new ArrayList<>(trend);
        return c;
    }

    long lastSequenceOf(String aggregateId) {
        return applied.stream().filter(mark -> mark.aggregateId().equals(aggregateId))
                      .mapToLong(SequenceMark::sequence).findFirst().orElse(-1);
    }

    /**
     * Remembers the aggregate's last applied event and forgets aggregates whose last event lies more than
     * {@link #MARK_WINDOW} positions behind the newest: a redelivery comes from a token at most one processing batch
     * behind, and gaps are given up after that many positions too, so older marks only made every event slower (one
     * mark per piece of feedback ever received).
     */
    void markApplied(String aggregateId, long sequence, long position) {
        applied.removeIf(mark -> mark.aggregateId().equals(aggregateId)
                || mark.position() < Math.max(position, lastGlobalPosition) - MARK_WINDOW);
        applied.add(new SequenceMark(aggregateId, sequence, position));
    }

    RoadmapEntry roadmapItem(String id) {
        return roadmap.stream().filter(item -> item.id().equals(id)).findFirst().orElse(null);
    }

    int backlogIndexOf(String id) {
        for (int i = 0; i < backlog.size(); i++) {
            if (backlog.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    FeedbackEntry feedbackItem(String id) {
        return feedback.stream().filter(item -> item.id().equals(id)).findFirst().orElse(null);
    }

    String feedbackLinkOf(String feedbackId) {
        return feedbackLinks.stream().filter(link -> link.feedbackId().equals(feedbackId))
                            .map(FeedbackLink::itemId).findFirst().orElse(null);
    }
}
