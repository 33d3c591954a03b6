package io.tandem.query.dashboard;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The dashboards in collection {@value #COLLECTION}: one document per product, {@code _id} = productId, holding the
 * {@link DashboardState} as a native BSON document under {@code state} (mapped with a Jackson mapper of its own, so
 * the stored form does not follow the web's JSON settings), its {@code version} and {@code position} (the highest
 * global position applied; see {@link #mark}), and {@code oldestUntriagedAt} (a date) for the feedback alert's clock.
 * Loads and saves are {@code _id} lookups.
 */
final class DashboardRepository {

    static final String COLLECTION = "dashboards";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
     * The version and position of the product's stored dashboard, without reading the rest: enough to tell whether a
     * state held in memory is still the stored one. Empty when the product has no dashboard.
     */
    Optional<Mark> mark(String productId) {
        Document document = dashboards.find(eq("_id", productId))
                                      .projection(Projections.include("version", "position")).first();
        if (document == null) {
            return Optional.empty();
        }
        Object version = document.get("version");
        Object position = document.get("position");
        return Optional.of(new Mark(version instanceof Number v ? v.longValue() : null,
                position instanceof Number p ? p.longValue() : null));
    }

    /** Stores the state, replacing the product's document. */
    void save(DashboardState state) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = MAPPER.convertValue(state, Map.class);
        Instant oldestUntriaged = state.oldestUntriagedAt();
        Document document = new Document("_id", state.productId()).append("version", state.version())
                .append("position", state.lastGlobalPosition())
                .append("oldestUntriagedAt", oldestUntriaged == null ? null : Date.from(oldestUntriaged))
                .append("state", new Document(fields));
        dashboards.replaceOne(eq("_id", state.productId()), document, new ReplaceOptions().upsert(true));
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

    /**
     * A stored dashboard's version and global position; null when the document lacks the field (a document saved
     * before {@code position} was stored matches no state, so it is read in full once and saved with it).
     */
    record Mark(Long version, Long position) {

        boolean matches(DashboardState state) {
            return version != null && position != null && version == state.version()
                   && position == state.lastGlobalPosition();
        }
    }
}
