package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's {@link ObjectDataType} (so the file format is unchanged
 * and existing stores open as before), in the same order, but without its cost.
 * <p>
 * mongo-java-server keys its H2 unique indexes by {@link KeyValue}, which H2 does not know, so H2 orders them by
 * their Java-serialized bytes and serializes both keys again on every comparison of a lookup's binary search.
 * Profiled under the end-to-end benchmark, that was about two thirds of the store process's CPU. Here each key's
 * serialized bytes are computed once and remembered (keys are compared by value; equal values serialize to equal
 * bytes for plain values, the only ones cached), and compared exactly as H2 compares them: unsigned, byte by byte,
 * then by length.
 * <p>
 * A commit writes every key of every page it rewrites, and H2 serializes each one again for that: profiled under the
 * end-to-end benchmark, that was 9 % of the store's CPU. Here a key whose bytes are known is written from them, in
 * H2's own format for a serialized object (its tag, the length, the bytes), so the file is the same byte for byte.
 */
final class IndexKeyType extends SnapshotSignallingType {

    /** Bounded: emptied when full, and hot keys come back at once. */
    static final int MAX_CACHED_KEYS = 200_000;

    /** Shared by all indexes: a key's bytes depend on its value only. */
    private static final Map<KeyValue, byte[]> SERIALIZED = new ConcurrentHashMap<>();

    /**
     * The same key objects come back again and again (a page keeps its keys, and a commit writes every key of every
     * page it rewrites): looking them up by identity in a fixed table is much cheaper than hashing and comparing
     * their values, which profiled at 7 % of the store's CPU. A slot holds the last key that landed on it.
     */
    private static final AtomicReferenceArray<SameKey> SAME_KEY_SLOTS = new AtomicReferenceArray<>(1 << 16);

    /** H2's tag for a Java-serialized object ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, package-private). */
    static final byte SERIALIZED_OBJECT_TAG = 19;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return a == b ? 0 : compareNotNull(bytes(left), bytes(right));
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        byte[] bytes = key instanceof KeyValue value ? cachedBytes(value) : null;
        if (bytes != null) {
            buffer.put(SERIALIZED_OBJECT_TAG).putVarInt(bytes.length).put(bytes);
        } else {
            super.write(buffer, key);
        }
    }

    /** H2's estimate for a serialized object is twice its length, averaged over the map: here the key's own. */
    @Override
    public int getMemory(Object key) {
        byte[] bytes = key instanceof KeyValue value ? cachedBytes(value) : null;
        return bytes != null ? 2 * bytes.length : super.getMemory(key);
    }

    private byte[] bytes(KeyValue key) {
        byte[] bytes = cachedBytes(key);
        return bytes != null ? bytes : serialize(key);
    }

    /** The key's bytes when keys equal to it always serialize alike ({@link #cacheable}), else null. */
    private byte[] cachedBytes(KeyValue key) {
        int slot = System.identityHashCode(key) & (SAME_KEY_SLOTS.length() - 1);
        SameKey same = SAME_KEY_SLOTS.getPlain(slot);
        if (same != null && same.key == key) {
            return same.bytes;
        }
        if (!cacheable(key)) {
            return null;
        }
        byte[] bytes = SERIALIZED.get(key);
        if (bytes == null) {
            bytes = serialize(key);
            if (SERIALIZED.size() >= MAX_CACHED_KEYS) {
                SERIALIZED.clear();
            }
            SERIALIZED.put(key, bytes);
        }
        SAME_KEY_SLOTS.setPlain(slot, new SameKey(key, bytes));
        return bytes;
    }

    /** A key object and its bytes: immutable, so a slot read without a lock sees both or an older pair. */
    private record SameKey(KeyValue key, byte[] bytes) {
    }

    /**
     * Whether keys equal to this one serialize to the same bytes: so for plain values only. Documents and lists can be
     * equal with their entries in another order or in another collection class, and then serialize differently.
     */
    private static boolean cacheable(KeyValue key) {
        for (Object value : key) {
            if (!(value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof ObjectId || value instanceof UUID || value instanceof Instant
                    || value instanceof Date || value instanceof Missing)) {
                return false;
            }
        }
        return true;
    }
}
