package io.tandem.query.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The stored form of the entries of a dashboard's lists (feedback, decisions, trend points...), each converted once:
 * an event changes one or two entries of a list, and the entries are immutable records shared from one state to the
 * next ({@link DashboardState#copy}), so converting the whole list again for every save, field by field through
 * Jackson, was most of the cost of saving a dashboard (profiled under the end-to-end benchmark). Entries are keyed by
 * value (equal records are stored alike), the most recently used {@code capacity} of them kept. The stored forms are
 * shared and must not be changed.
 */
final class EncodedEntries {

    private final Map<Object, Object> encoded;

    EncodedEntries(int capacity) {
        this.encoded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The entry's stored form: remembered, or made by {@code encode} and remembered. */
    Object of(Object entry, Function<Object, Object> encode) {
        synchronized (encoded) {
            Object known = encoded.get(entry);
            if (known != null) {
                return known;
            }
        }
        Object made = encode.apply(entry);
        synchronized (encoded) {
            encoded.put(entry, made);
        }
        return made;
    }

    int size() {
        synchronized (encoded) {
            return encoded.size();
        }
    }
}
