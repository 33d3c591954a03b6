package io.tandem.command.feedback;

import static io.tandem.command.common.CommandMetaData.ACTOR;

import io.tandem.command.common.AggregateNotFoundTranslator;
import io.tandem.command.common.CommandResult;
import io.tandem.command.common.InMemoryCustomerKeys;
import io.tandem.command.productplan.ProductPlan;
import io.tandem.support.personaldata.PersonalDataVault;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon wired like the application, over an in-memory event store: both aggregates, the feedback command handler and
 * the not-found translation. The feedback handler spans two aggregate types and several feedback items, which a
 * single-aggregate {@code AggregateTestFixture} cannot hold, hence real repositories.
 */
final class FeedbackScenario implements AutoCloseable {

    private final Configuration axon;
    private final InMemoryCustomerKeys keys = new InMemoryCustomerKeys();
    private final PersonalDataVault vault = new PersonalDataVault(keys);

    FeedbackScenario() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(ProductPlan.class)
                .configureAggregate(FeedbackItem.class)
                .registerCommandHandler(c -> new FeedbackCommandHandler(
                        c.repository(ProductPlan.class), c.repository(FeedbackItem.class), c.eventStore(), vault))
                .buildConfiguration();
        axon.commandBus().registerHandlerInterceptor(new AggregateNotFoundTranslator());
        axon.start();
    }

    /** Appends events to an aggregate's stream as if earlier commands had applied them. */
    FeedbackScenario given(String aggregateType, String aggregateId, Object... payloads) {
        EventStore store = axon.eventStore();
        long next = store.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        for (Object payload : payloads) {
            store.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, next++, payload));
        }
        return this;
    }

    CommandResult send(String actor, Object command) {
        return axon.commandGateway().sendAndWait(command, MetaData.with(ACTOR, actor));
    }

    List<? extends DomainEventMessage<?>> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().toList();
    }

    PersonalDataVault vault() {
        return vault;
    }

    InMemoryCustomerKeys keys() {
        return keys;
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
