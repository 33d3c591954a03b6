package io.tandem.query.dashboard;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The stored form of the entries of one product's dashboard lists (feedback, decisions, trend points...), each
 * converted once: an event changes one or two entries of a list, and the entries are immutable records shared from one
 * state to the next ({@link DashboardState#copy}), so converting a whole list again for every save, field by field
 * through Jackson, was most of the cost of saving a dashboard (profiled under the end-to-end benchmark). Entries are
 * known by identity, which costs no hashing of their fields: a first version keyed by value, shared by all products,
 * spent more on its lookups than the conversions it saved. An entry equal to a known one but another object (a state
 * read back from the store) is converted again. The stored forms are shared and must not be changed.
 */
final class EncodedEntries {

    private Map<Object, Object> encoded = new IdentityHashMap<>();

    /** The entry's stored form: remembered, or made by {@code encode} and remembered. */
    synchronized Object of(Object entry, Function<Object, Object> encode) {
        Object known = encoded.get(entry);
        if (known == null) {
            known = encode.apply(entry);
            encoded.put(entry, known);
        }
        return known;
    }

    /**
     * Forgets the entries that are not among the {@code liveCount} entries of the state just saved, once more than
     * twice as many are remembered (only then is {@code live} asked for them): entries replaced by newer ones go, at a
     * cost spread over many saves.
     */
    synchronized void keepOnly(int liveCount, Supplier<? extends Iterable<?>> live) {
        if (encoded.size() <= 2 * liveCount + 16) {
            return;
        }
        Map<Object, Object> kept = new IdentityHashMap<>();
        for (Object entry : live.get()) {
            Object known = encoded.get(entry);
            if (known != null) {
                kept.put(entry, known);
            }
        }
        encoded = kept;
    }

    synchronized int size() {
        return encoded.size();
    }
}
