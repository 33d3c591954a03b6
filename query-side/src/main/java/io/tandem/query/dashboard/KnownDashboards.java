package io.tandem.query.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard states this node last loaded or saved, the most recently used {@code capacity} of them, so that the
 * projection does not read and convert a product's whole document for every batch. A remembered state is used only
 * while the stored document still has its version and global position ({@link DashboardRepository#stillHolds}):
 * another node may have taken the product's segment and moved the dashboard on, a rebuild may write a fresh
 * generation, a reset may have emptied the collection. States are never changed once built
 * ({@link DashboardReducer#apply} copies), so one can be shared.
 */
final class KnownDashboards {

    private final DashboardRepository repository;
    private final Map<String, Known> states;

    KnownDashboards(DashboardRepository repository, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.repository = repository;
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The product's stored dashboard, the empty one before its first event. */
    DashboardState load(String productId) {
        DashboardState known = remembered(productId);
        if (known != null && repository.stillHolds(known)) {
            return known;
        }
        Optional<DashboardState> loaded = repository.load(productId);
        loaded.ifPresentOrElse(this::remember, () -> forget(productId));
        return loaded.orElseGet(() -> DashboardState.empty(productId));
    }

    /**
     * Stores the state and remembers it. The state remembered for the product, the one it was built on when that is
     * still stored, lets the repository send only what changed, with the stored forms of its entries.
     */
    void save(DashboardState state) {
        Known known = known(state.productId());
        EncodedEntries entries = known == null ? new EncodedEntries() : known.entries();
        try {
            repository.save(state, known == null ? null : known.state(), entries);
        } catch (RuntimeException e) {
            forget(state.productId());
            throw e;
        }
        remember(state, entries);
    }

    /** Empties the stored dashboards and forgets them. */
    void clear() {
        synchronized (states) {
            states.clear();
        }
        repository.clear();
    }

    int size() {
        synchronized (states) {
            return states.size();
        }
    }

    private DashboardState remembered(String productId) {
        Known known = known(productId);
        return known == null ? null : known.state();
    }

    private Known known(String productId) {
        synchronized (states) {
            return states.get(productId);
        }
    }

    private void remember(DashboardState state) {
        remember(state, new EncodedEntries());
    }

    private void remember(DashboardState state, EncodedEntries entries) {
        synchronized (states) {
            states.put(state.productId(), new Known(state, entries));
        }
    }

    /** A remembered state, and the stored forms of its list entries. */
    private record Known(DashboardState state, EncodedEntries entries) {
    }

    private void forget(String productId) {
        synchronized (states) {
            states.remove(productId);
        }
    }
}
