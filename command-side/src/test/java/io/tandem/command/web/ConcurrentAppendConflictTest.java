package io.tandem.command.web;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.tandem.eventstore.AppendListener;
import io.tandem.eventstore.EventStoreCollections;
import io.tandem.eventstore.SequencedMongoEventStorageEngine;
import io.tandem.events.ProductVisionChangedEvent;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A real concurrency conflict: between this instance loading the plan and inserting its event, "another command-side
 * instance" appends the next event of the same product through its own engine. The store's unique stream key turns
 * the second insert into a conflict.
 */
@CommandApiTest
@Import(ConcurrentAppendConflictTest.InterleavedAppend.class)
class ConcurrentAppendConflictTest extends CommandApiFixture {

    @Autowired
    MongoClient client;
    @Autowired
    InterleavedAppend interleaved;

    @Test
    void aCommandRacingAnotherInstanceIsAConflictAndAppendsNothing() {
        String productId = api.as("pm").post("/api/products", "{\"name\":\"Race\",\"vision\":\"v1\"}").id();
        SequencedMongoEventStorageEngine otherInstance = SequencedMongoEventStorageEngine.builder()
                .client(client).collections(EventStoreCollections.in(database)).build();
        interleaved.next.set(() -> otherInstance.appendEvents(new GenericDomainEventMessage<>(
                "ProductPlan", productId, 2, new ProductVisionChangedEvent(productId, "v1", "changed elsewhere"),
                MetaData.with("actor", "pm").and("role", "PRODUCT_MANAGER"))));
        long before = events.count();

        ApiClient.Response raced = api.as("pm").put("/api/products/" + productId + "/vision", "{\"vision\":\"mine\"}");

        assertProblem(raced, 409, "conflict");
        assertThat(events.count()).as("only the other instance's event").isEqualTo(before + 1);
        assertThat(events.typeAt(productId, 2)).isEqualTo("ProductVisionChangedEvent");
        assertThat(events.at(productId, 2).get("payload", org.bson.Document.class).getString("vision"))
                .isEqualTo("changed elsewhere");

        ApiClient.Response retried = api.as("pm").put("/api/products/" + productId + "/vision", "{\"vision\":\"mine\"}");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.version()).isEqualTo(3);
    }

    /** Runs the armed action once, after this instance's append took its positions and before it inserts. */
    @TestConfiguration
    static class InterleavedAppend {
        final AtomicReference<Runnable> next = new AtomicReference<>();

        @Bean
        AppendListener interleavingAppendListener() {
            return (firstPosition, count) -> {
                Runnable action = next.getAndSet(null);
                if (action != null) {
                    action.run();
                }
            };
        }
    }
}
