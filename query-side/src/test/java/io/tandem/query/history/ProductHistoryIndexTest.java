package io.tandem.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.query.dashboard.DashboardState;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.decisions.MongoTestSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductHistoryIndexTest {

    static final String P = "p-1";
    static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    final MongoDatabase database = MongoTestSupport.freshDatabase();
    final ProductHistoryIndex index = new ProductHistoryIndex(database);
    final HistorySnapshots snapshots = new HistorySnapshots(database);

    @Test
    void aRedeliveredEventIsIndexedOnceAndEntriesComeBackByPosition() {
        index.append(event("plan", 0, 7));
        index.append(event("feedback-1", 0, 5));
        index.append(event("plan", 0, 7));
        index.append(event("plan", 1, 9));

        assertThat(index.entries(P)).extracting(HistoryEntry::position).containsExactly(5L, 7L, 9L);
        assertThat(index.entries("other")).isEmpty();
    }

    @Test
    void aBatchIsTakenInWithOneHeadUpdateSkippingWhatItHadAlready() {
        index.append(event("plan", 0, 7));

        long[] counts = index.appendAll(P, List.of(event("plan", 0, 7), event("plan", 1, 9),
                event("feedback-1", 0, 11), event("plan", 1, 9)));

        assertThat(counts).containsExactly(1, 3);
        assertThat(index.entries(P)).extracting(HistoryEntry::position).containsExactly(7L, 9L, 11L);
        assertThat(index.appendAll(P, List.of(event("feedback-1", 0, 11)))).containsExactly(3, 3);
    }

    @Test
    void forgetsMarksOfAggregatesOutsideTheWindowButStillRecognisesRecentRedeliveries() {
        long far = ProductHistoryIndex.MARK_WINDOW + 100;
        index.append(event("feedback-old", 0, 1));
        index.append(event("feedback-recent", 0, far - 5));
        index.append(event("plan", 0, far));

        org.bson.Document head = database.getCollection(ProductHistoryIndex.COLLECTION)
                .find(new org.bson.Document("_id", P + "/head")).first();

        assertThat(head.getList("applied", org.bson.Document.class)).extracting(mark -> mark.getString("a"))
                .containsExactly("feedback-recent", "plan");
        assertThat(index.append(event("feedback-recent", 0, far - 5))).as("a redelivery in the window").isEqualTo(-1);
    }

    @Test
    void knowsWhereEachSyncMeetingIs() {
        index.append(event("plan", 0, 3));
        index.append(new DecisionEvent("e-8", P, new io.tandem.events.SyncMeetingHeldEvent(P, "m1", "Weekly",
                List.of("pm"), null), "pm", "PRODUCT_MANAGER", T, 8, "plan", 1));

        assertThat(index.meetingPosition(P, "m1")).hasValue(8);
        assertThat(index.meetingPosition(P, "m2")).isEmpty();
        assertThat(index.meetingPosition("other", "m1")).isEmpty();
    }

    @Test
    void entriesSpanChunks() {
        for (int i = 0; i < ProductHistoryIndex.CHUNK + 5; i++) {
            index.append(event("plan", i, 10L * i));
        }

        List<HistoryEntry> entries = index.entries(P);

        assertThat(entries).hasSize(ProductHistoryIndex.CHUNK + 5);
        assertThat(entries.get(ProductHistoryIndex.CHUNK).position()).isEqualTo(10L * ProductHistoryIndex.CHUNK);
    }

    @Test
    void aSnapshotIsUsedOnlyWhileItsPositionIsStillTheCountedEvent() {
        DashboardState state = DashboardState.empty(P);
        snapshots.save(P, 1000, 4711, state);

        assertThat(snapshots.best(P, Map.of(1000L, 4711L))).hasValueSatisfying(s -> {
            assertThat(s.count()).isEqualTo(1000);
            assertThat(s.state().productId()).isEqualTo(P);
        });
        assertThat(snapshots.best(P, Map.of(1000L, 4700L))).as("a late event moved the 1000th").isEmpty();
        assertThat(snapshots.best(P, Map.of(2000L, 4711L))).as("the same position is now the 2000th").isEmpty();
    }

    private static DecisionEvent event(String aggregate, long sequence, long position) {
        return new DecisionEvent("e-" + position, P, new RoadmapItemRescheduledEvent(P, "r", Horizon.NOW,
                Horizon.NEXT, "why"), "pm", "PRODUCT_MANAGER", T.plusSeconds(position), position, aggregate,
                sequence);
    }
}
