package io.tandem.support.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterDescription;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Up when the event store's MongoDB has a server to write to and answers a ping. Down at once when the driver's
 * monitor sees no writable server, instead of the ping waiting out the driver's 30 s server selection: a readiness
 * probe gets its answer while the store is unreachable.
 */
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final MongoDatabase database;

    StoreHealthIndicator(MongoClient client, MongoDatabase database) {
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("database", database.getName());
        ClusterDescription cluster = client.getClusterDescription();
        if (!cluster.hasWritableServer()) {
            builder.down().withDetail("cluster", cluster.getShortDescription());
            return;
        }
        database.runCommand(new Document("ping", 1));
        builder.up();
    }
}
