package io.tandem.query.dashboard;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

/**
 * The dashboards in collection {@value #COLLECTION}: one document per product, {@code _id} = productId, holding the
 * {@link DashboardState} as a native BSON document under {@code state} (mapped with a Jackson mapper of its own, so
 * the stored form does not follow the web's JSON settings), its {@code version} and {@code position} (the highest
 * global position applied; see {@link #stillHolds}), and {@code oldestUntriagedAt} (a date) for the feedback
 * alert's clock. Loads and saves are {@code _id} lookups.
 */
final class DashboardRepository {

    static final String COLLECTION = "dashboards";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final List<BeanPropertyDefinition> STATE_PROPERTIES = stateProperties();
    private static final Codec<Document> DOCUMENT_CODEC = MongoClientSettings.getDefaultCodecRegistry()
            .get(Document.class);

    private final MongoCollection<Document> dashboards;

    DashboardRepository(MongoDatabase database) {
        this.dashboards = database.getCollection(COLLECTION);
    }

    Optional<DashboardState> load(String productId) {
        Document document = dashboards.find(eq("_id", productId)).first();
        return Optional.ofNullable(document).map(d -> MAPPER.convertValue(d.get("state", Document.class),
                DashboardState.class));
    }

    /**
     * Whether the product's stored dashboard is still {@code state}: it carries the state's version and position. One
     * {@code _id} lookup returning those two fields, compared here: a filter on them as well would not be served by
     * the embedded server's {@code _id} index (it serves queries on exactly an index's keys) and would scan. A
     * document saved before {@code position} was stored never matches, so it is read in full once and saved with it.
     */
    boolean stillHolds(DashboardState state) {
        Document stored = dashboards.find(eq("_id", state.productId()))
                                    .projection(Projections.include("version", "position")).first();
        return stored != null && stored.get("version") instanceof Number version
               && stored.get("position") instanceof Number position
               && version.longValue() == state.version() && position.longValue() == state.lastGlobalPosition();
    }

    /** Stores the state, replacing the product's document. */
    void save(DashboardState state) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = MAPPER.convertValue(state, Map.class);
        Document document = new Document("_id", state.productId());
        document.putAll(header(state));
        document.append("state", new Document(fields));
        dashboards.replaceOne(eq("_id", state.productId()), document, new ReplaceOptions().upsert(true));
    }

    /**
     * Stores the state, which follows {@code stored}, the state the product's document held when it was loaded (null
     * when unknown): only the fields of the state that differ from it are converted and sent, with one {@code $set}
     * that applies while the document still has the stored state's version and global position; when it has not (or
     * is gone), the whole document is replaced. Most events change a few of a dashboard's fields: the feedback, the
     * largest, changes only with feedback and triage. A list's entries are converted once and kept as BSON in the
     * product's {@code entries} ({@link EncodedEntries}).
     */
    void save(DashboardState state, DashboardState stored, EncodedEntries entries) {
        if (stored == null || !stored.productId().equals(state.productId()) || !setChanges(state, stored, entries)) {
            save(state);
        }
    }

    private boolean setChanges(DashboardState state, DashboardState stored, EncodedEntries entries) {
        Document changes = header(state);
        int live = 0;
        for (BeanPropertyDefinition property : STATE_PROPERTIES) {
            AnnotatedMember field = property.getAccessor();
            Object value = field.getValue(state);
            if (!Objects.equals(value, field.getValue(stored))) {
                changes.append("state." + property.getName(), storedForm(value, entries));
            }
            if (value instanceof List<?> list) {
                live += list.size();
            }
        }
        entries.keepOnly(live, () -> listEntries(state));
        Document selector = new Document("_id", state.productId()).append("version", stored.version())
                .append("position", stored.lastGlobalPosition());
        return dashboards.updateOne(selector, new Document("$set", changes)).getMatchedCount() == 1;
    }

    /** The entries of the state's lists. */
    private static List<Object> listEntries(DashboardState state) {
        List<Object> entries = new ArrayList<>();
        for (BeanPropertyDefinition property : STATE_PROPERTIES) {
            if (property.getAccessor().getValue(state) instanceof List<?> list) {
                entries.addAll(list);
            }
        }
        return entries;
    }

    /** A field's value as stored: a list entry by entry, each converted once ({@link EncodedEntries}). */
    private static Object storedForm(Object value, EncodedEntries entries) {
        if (!(value instanceof List<?> list)) {
            return MAPPER.convertValue(value, Object.class);
        }
        List<Object> stored = new ArrayList<>(list.size());
        for (Object entry : list) {
            stored.add(entries.of(entry, DashboardRepository::encodeEntry));
        }
        return stored;
    }

    /** An entry as stored: an object as its BSON bytes, which the driver copies as they are. */
    @SuppressWarnings("unchecked")
    private static Object encodeEntry(Object entry) {
        Object converted = MAPPER.convertValue(entry, Object.class);
        return converted instanceof Map<?, ?> fields
                ? new RawBsonDocument(new Document((Map<String, Object>) fields), DOCUMENT_CODEC) : converted;
    }

    /** The fields of a product's document beside its {@code _id} and {@code state}. */
    private static Document header(DashboardState state) {
        Instant oldestUntriaged = state.oldestUntriagedAt();
        return new Document("version", state.version()).append("position", state.lastGlobalPosition())
                .append("oldestUntriagedAt", oldestUntriaged == null ? null : Date.from(oldestUntriaged));
    }

    /** The properties of {@link DashboardState} as {@link #MAPPER} writes them, each readable on its own. */
    private static List<BeanPropertyDefinition> stateProperties() {
        List<BeanPropertyDefinition> properties = new ArrayList<>();
        for (BeanPropertyDefinition property : MAPPER.getSerializationConfig()
                .introspect(MAPPER.constructType(DashboardState.class)).findProperties()) {
            if (property.couldSerialize()) {
                property.getAccessor().fixAccess(true);
                properties.add(property);
            }
        }
        return List.copyOf(properties);
    }

    /**
     * The products whose oldest untriaged feedback was received in {@code [from, to)}. A range query: on the embedded
     * server it scans the collection (one document per product); it runs once a minute.
     */
    List<String> withOldestUntriagedReceivedIn(Instant from, Instant to) {
        List<String> products = new ArrayList<>();
        dashboards.find(and(gte("oldestUntriagedAt", Date.from(from)), lt("oldestUntriagedAt", Date.from(to))))
                  .projection(Projections.include("_id"))
                  .forEach(d -> products.add(d.getString("_id")));
        return products;
    }

    void clear() {
        dashboards.deleteMany(new Document());
    }
}
