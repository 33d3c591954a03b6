package io.tandem.support.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Up when the event store's MongoDB answers a ping. */
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    StoreHealthIndicator(MongoDatabase database) {
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
