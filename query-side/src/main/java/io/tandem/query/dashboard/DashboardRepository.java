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
}
