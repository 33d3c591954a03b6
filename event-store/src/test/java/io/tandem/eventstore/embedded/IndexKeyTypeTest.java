package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Index keys are written exactly as H2 writes them, whether their bytes are known already or not, and read back. */
class IndexKeyTypeTest {

    @Test
    void keysAreWrittenByteForByteAsH2WritesThemAndReadBackEqual() {
        List<KeyValue> keys = List.of(new KeyValue("aggregate-7#12"), new KeyValue(42L), new KeyValue("a", 1, true),
                                      new KeyValue(new Document("n", 1).append("kind", "sub")));
        IndexKeyType ours = new IndexKeyType();
        for (KeyValue key : keys) {
            byte[] h2s = written(new ObjectDataType(), key);
            assertThat(written(ours, key)).as("first write of %s", key).isEqualTo(h2s);
            assertThat(written(ours, key)).as("second write of %s (bytes known)", key).isEqualTo(h2s);
            assertThat(ours.read(ByteBuffer.wrap(h2s))).isEqualTo(key);
            assertThat(ours.getMemory(key)).isPositive();
        }
    }

    @Test
    void keysCompareAsH2ComparesThem() {
        List<KeyValue> keys = List.of(new KeyValue("a"), new KeyValue("b"), new KeyValue(1L), new KeyValue(2),
                                      new KeyValue("a", 2L));
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType ours = new IndexKeyType();
        for (KeyValue left : keys) {
            for (KeyValue right : keys) {
                assertThat(Integer.signum(ours.compare(left, right))).as("%s vs %s", left, right)
                        .isEqualTo(Integer.signum(h2.compare(left, right)));
                assertThat(Integer.signum(ours.compare(new KeyValue(List.copyOf(toList(left))), right)))
                        .as("an equal key object %s vs %s", left, right)
                        .isEqualTo(Integer.signum(h2.compare(left, right)));
            }
        }
    }

    private static List<Object> toList(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }

    private static byte[] written(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        ByteBuffer content = buffer.getBuffer();
        content.flip();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }
}
