package io.tandem.query.history;

import io.tandem.query.dashboard.DashboardReducer;
import io.tandem.query.dashboard.DashboardState;
import io.tandem.query.decisions.DecisionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays one product's history through {@link DashboardReducer} — the live projection's reducer — to one or two
 * points: the product's events are found through {@link ProductHistoryIndex}, applied by global position, starting
 * from the latest valid snapshot that both points include entirely. Along the way, every {@value #SNAPSHOT_EVERY}-th
 * event of a prefix both points include is snapshotted, so the next replay starts there.
 *
 * <p>The states a replay walks are its own (a snapshot is read into a new state, and saving one writes it out at
 * once), so events are applied in place ({@link DashboardReducer#applyInPlace}) rather than to a copy of every list
 * of the state at each event; while both points share one state, an event only one of them includes is applied to a
 * copy, which that point keeps from then on.
 */
final class Replay {

    static final int SNAPSHOT_EVERY = ProductHistoryIndex.CHUNK;
    private static final int BATCH = 1000;

    private final ProductHistoryIndex index;
    private final StoredEvents events;
    private final HistorySnapshots snapshots;

    Replay(ProductHistoryIndex index, StoredEvents events, HistorySnapshots snapshots) {
        this.index = index;
        this.events = events;
        this.snapshots = snapshots;
    }

    /**
     * The result of a replay.
     *
     * @param from    the state at {@code from} (the same as {@code to} when there was no {@code from})
     * @param to      the state at {@code to}
     * @param between the events {@code to} includes and {@code from} does not, by global position
     */
    record Result(DashboardState from, DashboardState to, List<DecisionEvent> between) {
    }

    /** Replays to {@code to}, and to {@code from} when it is not null; {@code from} must be a resolved point. */
    Result run(String productId, HistoryPoint from, HistoryPoint to) {
        List<HistoryEntry> entries = index.entries(productId);
        int prefix = 0;
        while (prefix < entries.size() && bothInclude(from, to, entries.get(prefix))) {
            prefix++;
        }
        Map<Long, Long> candidates = new LinkedHashMap<>();
        for (int count = SNAPSHOT_EVERY; count <= prefix; count += SNAPSHOT_EVERY) {
            candidates.put((long) count, entries.get(count - 1).position());
        }
        Optional<HistorySnapshots.Snapshot> snapshot = snapshots.best(productId, candidates);
        int start = snapshot.map(s -> (int) s.count()).orElse(0);
        DashboardState atFrom = snapshot.map(HistorySnapshots.Snapshot::state)
                .orElseGet(() -> DashboardState.empty(productId));
        DashboardState atTo = atFrom;
        List<DecisionEvent> between = new ArrayList<>();
        for (int batchStart = start; batchStart < entries.size(); batchStart += BATCH) {
            List<HistoryEntry> batch = entries.subList(batchStart, Math.min(entries.size(), batchStart + BATCH));
            List<Long> wanted = batch.stream().filter(e -> to.includes(e) || from != null && from.includes(e))
                    .map(HistoryEntry::position).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            Map<Long, DecisionEvent> loaded = events.at(wanted);
            for (int i = 0; i < batch.size(); i++) {
                HistoryEntry entry = batch.get(i);
                DecisionEvent event = loaded.get(entry.position());
                if (event != null) {
                    boolean inFrom = from != null && from.includes(entry);
                    boolean inTo = to.includes(entry);
                    boolean fromTakes = from == null ? inTo : inFrom; // without a from, its state is to's
                    if (atFrom == atTo && fromTakes != inTo) {
                        // The two points part here: the one that takes the event gets its own copy.
                        atFrom = fromTakes ? DashboardReducer.apply(atFrom, event) : atFrom;
                        atTo = inTo ? DashboardReducer.apply(atTo, event) : atTo;
                    } else {
                        if (inTo) {
                            DashboardReducer.applyInPlace(atTo, event);
                        }
                        if (fromTakes && atFrom != atTo) {
                            DashboardReducer.applyInPlace(atFrom, event);
                        }
                    }
                    if (inTo && !inFrom) {
                        between.add(event);
                    }
                }
                int count = batchStart + i + 1;
                if (count % SNAPSHOT_EVERY == 0 && count <= prefix && count > start) {
                    snapshots.save(productId, count, entry.position(), atTo);
                }
            }
        }
        return new Result(from == null ? atTo : atFrom, atTo, between);
    }

    private static boolean bothInclude(HistoryPoint from, HistoryPoint to, HistoryEntry entry) {
        return to.includes(entry) && (from == null || from.includes(entry));
    }
}
