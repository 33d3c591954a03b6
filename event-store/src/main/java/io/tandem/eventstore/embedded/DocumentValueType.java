package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections (document by {@code _id}): documents written as BSON instead of
 * with Java serialization.
 * <p>
 * mongo-java-server keeps its documents in H2 maps of Java objects, which H2 writes with Java serialization: every
 * document on every page a commit rewrites, each with its own object stream and class descriptors. Profiled under
 * the end-to-end benchmark, that was 6 % of the store's CPU, and reading a page back costs Java deserialization.
 * <p>
 * Here a document goes through mongo-java-server's own BSON codec (the one it answers clients with), behind a tag
 * H2's {@link ObjectDataType} does not use ({@link #BSON_DOCUMENT_TAG}), then its length. Everything else, and every
 * value in the file written before, is read and written by {@link ObjectDataType} as before: a store written by an
 * earlier version opens unchanged; one written by this version cannot be opened by an earlier one.
 * <p>
 * Only a document that comes back equal and of the same classes is written as BSON ({@link #exact}): BSON keeps dates
 * to the millisecond and knows maps, lists and a fixed set of value types. Anything else (an {@code Instant} with
 * microseconds, a set, a {@code Short}) is serialized as before. Strings need no check: they reach the store as
 * UTF-8 from the wire, or are made from such strings, so they encode back to the same characters.
 */
final class DocumentValueType extends SnapshotSignallingType {

    /** Free in H2's {@link ObjectDataType} (it uses 0 to 19, 32 to 49 and 64 to 119). */
    static final byte BSON_DOCUMENT_TAG = 24;

    /** H2 estimates an object's memory as twice its serialized size; a BSON document is more compact than that. */
    private static final int MEMORY_PER_BSON_BYTE = 4;

    private static final Set<Class<?>> EXACT_VALUE_CLASSES = Set.of(
            String.class, Integer.class, Long.class, Double.class, Boolean.class, ObjectId.class, Decimal128.class,
            BinData.class, UUID.class, LegacyUUID.class, BsonTimestamp.class, BsonRegularExpression.class,
            MaxKey.class, MinKey.class, BsonJavaScript.class);

    /** Instants BSON's milliseconds since the epoch can hold (a long), with a margin. */
    private static final long MAX_EPOCH_SECOND = Long.MAX_VALUE / 1000 - 1;

    /** Running average of the BSON size of the documents written and read, as H2 keeps one for serialized objects. */
    private volatile int averageSize = 512;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document) || !exactDocument(document)) {
            super.write(buffer, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(averageSize * 2); // on the heap: array() is its content
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            if (length > BsonConstants.MAX_BSON_OBJECT_SIZE) {
                super.write(buffer, value);
                return;
            }
            buffer.put(BSON_DOCUMENT_TAG).putVarInt(length)
                  .put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            average(length);
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_DOCUMENT_TAG) {
            return super.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        average(length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof Document) {
            return MEMORY_PER_BSON_BYTE * averageSize;
        }
        return super.getMemory(value);
    }

    private void average(int length) {
        averageSize = (length + 15 * averageSize) / 16;
    }

    /** Whether this document, written as BSON and read back, is equal to it and made of the same classes. */
    static boolean exactDocument(Document document) {
        if (document.getClass() != Document.class) {
            return false;
        }
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (field.getKey().indexOf('\0') >= 0 || !exact(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean exact(Object value) {
        if (value == null || EXACT_VALUE_CLASSES.contains(value.getClass())) {
            return true;
        }
        if (value instanceof Document document) {
            return exactDocument(document);
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0 && Math.abs(instant.getEpochSecond()) < MAX_EPOCH_SECOND;
        }
        if (value.getClass() == ArrayList.class) {
            for (Object element : (ArrayList<?>) value) {
                if (!exact(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
