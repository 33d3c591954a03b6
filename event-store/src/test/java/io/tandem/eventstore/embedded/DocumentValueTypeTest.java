package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents written by {@link DocumentValueType} come back from the file equal and made of the same classes, whether
 * they went as BSON or, for values BSON would change, with Java serialization as before; and a map written with
 * H2's own type reads unchanged.
 */
class DocumentValueTypeTest {

    @TempDir
    Path data;

    @Test
    void everyBsonValueComesBackFromTheFileEqualAndOfTheSameClass() {
        Document nested = new Document("name", "roadmap").append("rank", 3);
        Document document = new Document("_id", 42L)
                .append("string", "Ünïcödé ✓ text")
                .append("int", 7).append("long", 1L << 40).append("double", -0.5).append("nan", Double.NaN)
                .append("true", true).append("false", false).append("null", null)
                .append("objectId", new ObjectId()).append("decimal", new Decimal128(1L, 2L))
                .append("binary", new BinData(new byte[] {1, 2, 3})).append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(5L, 6L)).append("timestamp", new BsonTimestamp(99L))
                .append("max", MaxKey.getInstance())
                .append("min", MinKey.getInstance()).append("code", new BsonJavaScript("return 1"))
                .append("instant", Instant.ofEpochMilli(1_764_460_800_123L))
                .append("nested", nested)
                .append("list", new ArrayList<>(List.of("a", 1, new Document("deep", new ArrayList<>(List.of(2L))))));

        assertThat(DocumentValueType.exactDocument(document)).isTrue();
        assertThat(written(document)[0]).as("tag").isEqualTo(DocumentValueType.BSON_DOCUMENT_TAG);

        Document read = (Document) roundTripThroughFile(document);

        assertThat(read).isEqualTo(document);
        assertThat(read).isNotSameAs(document).containsKey("null");
        for (String field : document.keySet()) {
            Object expected = document.get(field);
            if (expected != null) {
                assertThat(read.get(field)).as(field).isOfAnyClassIn(expected.getClass());
            }
        }
        assertThat(Double.isNaN((Double) read.get("nan"))).isTrue();
    }

    @Test
    void aRegularExpressionComesBackWithItsPatternAndOptions() {
        Document document = new Document("_id", 1).append("regex", new BsonRegularExpression("^a.*", "i"));
        assertThat(written(document)[0]).isEqualTo(DocumentValueType.BSON_DOCUMENT_TAG);

        BsonRegularExpression read = (BsonRegularExpression) ((Document) roundTripThroughFile(document)).get("regex");

        assertThat(read.getPattern()).isEqualTo("^a.*");
        assertThat(read.getOptions()).isEqualTo("i");
        assertThat(read.matcher("ABC").find()).as("usable, compiles case-insensitive").isTrue();
    }

    @Test
    void valuesBsonWouldChangeAreSerializedAsBeforeAndComeBackUnchanged() {
        List<Document> documents = List.of(
                new Document("_id", 1).append("at", Instant.ofEpochSecond(1_764_460_800L, 123_456_789)),
                new Document("_id", 2).append("small", (short) 3),
                new Document("_id", 3).append("set", new LinkedHashSet<>(List.of("b", "a"))),
                new Document("_id", 4).append("map", new LinkedHashMap<>(Map.of("k", "v"))),
                new Document("_id", 5).append("list", List.of("immutable")),
                new Document("_id", 6).append("inner", new Document("at", Instant.ofEpochSecond(0, 1))),
                new Document("_id", 7).append("far", Instant.MAX));

        for (Document document : documents) {
            assertThat(DocumentValueType.exactDocument(document)).as("%s", document).isFalse();
            assertThat(written(document)[0]).as("tag of %s", document)
                    .isEqualTo(IndexKeyType.SERIALIZED_OBJECT_TAG);
            Document read = (Document) roundTripThroughFile(document);
            assertThat(read).isEqualTo(document).isNotSameAs(document);
            String field = document.keySet().stream().filter(key -> !key.equals("_id")).findFirst().orElseThrow();
            assertThat(read.get(field).getClass()).as("%s", document).isEqualTo(document.get(field).getClass());
        }
    }

    @Test
    void valuesThatAreNotDocumentsKeepH2sOwnFormat() {
        for (Object value : List.of("text", 12L, 3.5, new ArrayList<>(List.of(1, "two")))) {
            WriteBuffer ours = new WriteBuffer();
            new DocumentValueType().write(ours, value);
            WriteBuffer h2s = new WriteBuffer();
            new org.h2.mvstore.type.ObjectDataType().write(h2s, value);
            assertThat(bytes(ours)).isEqualTo(bytes(h2s));
            assertThat(roundTripThroughFile(value)).isEqualTo(value);
        }
    }

    @Test
    void aMapWrittenWithH2sOwnTypeReadsUnchangedAndTakesNewDocumentsBeside() {
        String file = data.resolve("mixed.mv.db").toString();
        Document old = new Document("_id", "old").append("at", Instant.ofEpochMilli(1000)).append("n", 1);
        MVStore before = MVStore.open(file);
        before.<Object, Object>openMap("things").put("old", old);
        before.close();

        Document added = new Document("_id", "new").append("n", 2);
        MVStore during = MVStore.open(file);
        MVMap<Object, Object> things = typedMap(during);
        assertThat(things.get("old")).isEqualTo(old);
        things.put("new", added);
        during.close();

        MVStore after = MVStore.open(file);
        assertThat(typedMap(after).get("old")).isEqualTo(old);
        assertThat(typedMap(after).get("new")).isEqualTo(added);
        after.close();
    }

    private Object roundTripThroughFile(Object value) {
        String file = data.resolve(UUID.randomUUID() + ".mv.db").toString();
        MVStore writing = MVStore.open(file);
        typedMap(writing).put("key", value);
        writing.close();
        MVStore reading = MVStore.open(file);
        try {
            return typedMap(reading).get("key");
        } finally {
            reading.close();
        }
    }

    private static MVMap<Object, Object> typedMap(MVStore store) {
        return store.openMap("things", new MVMap.Builder<Object, Object>().valueType(new DocumentValueType()));
    }

    private static byte[] written(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        new DocumentValueType().write(buffer, value);
        return bytes(buffer);
    }

    private static byte[] bytes(WriteBuffer buffer) {
        java.nio.ByteBuffer content = buffer.getBuffer();
        content.flip();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }
}
