package io.tandem.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;

/** The engine reads from the primary, at read concern majority, whatever the connection string asks for others. */
class EventStoreCollectionsTest {

    @Test
    void readsFromThePrimaryWhatAFailoverCannotRollBackEvenWhenTheClientPrefersSecondaries() {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1/?readPreference=secondaryPreferred"
                + "&readConcernLevel=local&serverSelectionTimeoutMS=100")) {
            MongoDatabase database = client.getDatabase("tandem");
            assertThat(database.getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());

            EventStoreCollections collections = EventStoreCollections.in(database);

            for (var collection : java.util.List.of(collections.events(), collections.snapshots(),
                                                    collections.sequences())) {
                assertThat(collection.getReadPreference()).isEqualTo(ReadPreference.primary());
                assertThat(collection.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
            }
        }
    }
}
