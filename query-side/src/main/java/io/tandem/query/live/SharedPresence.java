package io.tandem.query.live;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who watches each product across all query-side nodes, in MongoDB ({@code live_presence}): one document per product,
 * in it one entry per node with that node's watchers and when it last vouched for them. An entry that is not
 * refreshed within the presence TTL (its node died) no longer counts. Read and written by {@code _id} only.
 */
@Component
class SharedPresence {

    private static final String NODES = "nodes";

    private final MongoCollection<Document> presence;
    private final String nodeId = UUID.randomUUID().toString();
    private final LiveProperties properties;
    private final Clock clock;

    @Autowired
    SharedPresence(MongoDatabase tandemDatabase, LiveProperties properties) {
        this(tandemDatabase, properties, Clock.systemUTC());
    }

    SharedPresence(MongoDatabase tandemDatabase, LiveProperties properties, Clock clock) {
        // presence is rebuilt by the nodes' refreshes: no need to wait for the journal
        this.presence = tandemDatabase.getCollection("live_presence")
                                      .withWriteConcern(WriteConcern.W1.withJournal(false));
        this.properties = properties;
        this.clock = clock;
    }

    /** Records this node's watchers of a product, now; no watchers removes this node's entry. */
    void vouch(String productId, Set<String> watchers) {
        String entry = NODES + "." + nodeId;
        if (watchers.isEmpty()) {
            presence.updateOne(Filters.eq("_id", productId), Updates.unset(entry));
        } else {
            Document report = new Document("watchers", new ArrayList<>(new TreeSet<>(watchers)))
                    .append("seenAt", Date.from(clock.instant()));
            presence.updateOne(Filters.eq("_id", productId), Updates.set(entry, report),
                               new UpdateOptions().upsert(true));
        }
    }

    /** The watchers of a product on every node whose report is fresh, sorted. */
    List<String> watchers(String productId) {
        Document product = presence.find(Filters.eq("_id", productId)).first();
        Set<String> watchers = new TreeSet<>();
        if (product != null && product.get(NODES) instanceof Document nodes) {
            Instant freshSince = clock.instant().minus(properties.presenceTtl());
            for (Object value : nodes.values()) {
                if (value instanceof Document report && report.getDate("seenAt").toInstant().isAfter(freshSince)) {
                    report.getList("watchers", String.class).forEach(watchers::add);
                }
            }
        }
        return new ArrayList<>(watchers);
    }
}
