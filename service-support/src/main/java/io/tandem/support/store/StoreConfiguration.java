package io.tandem.support.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tandem.events.upcasting.EventUpcasters;
import io.tandem.eventstore.AppendListener;
import io.tandem.eventstore.EventStoreCollections;
import io.tandem.eventstore.SequencedMongoEventStorageEngine;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;


/** MongoDB (embedded or external) and the event storage engine on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    /** How long an operation waits for a reachable server, unless the connection string says otherwise. */
    static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

    /** How often the driver checks the store's servers, unless the connection string says otherwise. */
    static final Duration HEARTBEAT_FREQUENCY = Duration.ofSeconds(1);

    /** The embedded server, when enabled: started before the client connects, stopped with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "tandem.store.embedded.enabled", havingValue = "true", matchIfMissing = true)
    EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
        StoreProperties.Embedded embedded = properties.embedded();
        return EmbeddedMongoServer.start(embedded.backend(), embedded.dataDir(), embedded.host(), embedded.port(),
                                         embedded.durability(), embedded.cacheMb());
    }

    /**
     * Named after the service ({@code spring.application.name}) in MongoDB's logs and current operations. See
     * {@link #clientSettings} for how it behaves while the store is unreachable.
     */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties properties, ObjectProvider<EmbeddedMongoServer> embeddedMongoServer,
                            Environment environment, StoreReachability storeReachability) {
        EmbeddedMongoServer embedded = embeddedMongoServer.getIfAvailable();
        ConnectionString uri = new ConnectionString(embedded == null ? properties.uri() : embedded.connectionString());
        String service = environment.getProperty("spring.application.name", "tandem");
        return MongoClients.create(clientSettings(uri, service, storeReachability));
    }

    @Bean
    StoreReachability storeReachability() {
        return new StoreReachability();
    }

    /**
     * The client's settings. While no server can be reached at all, operations fail at once ({@link StoreReachability});
     * before the store is known unreachable (and while a replica set elects a primary) an operation waits at most
     * {@link #SERVER_SELECTION_TIMEOUT} instead of the driver's 30 s, and the driver's monitor looks for the store
     * every {@link #HEARTBEAT_FREQUENCY} instead of 10 s, so that the services notice its return within about that.
     * A connection string that sets {@code serverSelectionTimeoutMS} or {@code heartbeatFrequencyMS} wins.
     */
    static MongoClientSettings clientSettings(ConnectionString uri, String service, StoreReachability reachability) {
        return MongoClientSettings.builder().applyConnectionString(uri).applicationName(service)
                .applyToClusterSettings(cluster -> {
                    cluster.addClusterListener(reachability).serverSelector(reachability);
                    if (uri.getServerSelectionTimeout() == null) {
                        cluster.serverSelectionTimeout(SERVER_SELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                })
                .applyToServerSettings(server -> {
                    if (uri.getHeartbeatFrequency() == null) {
                        server.heartbeatFrequency(HEARTBEAT_FREQUENCY.toMillis(), TimeUnit.MILLISECONDS);
                    }
                })
                .build();
    }

    /** {@code eventStore} in {@code /actuator/health} (and in readiness): MongoDB answers a ping. */
    @Bean
    StoreHealthIndicator eventStoreHealthIndicator(MongoClient mongoClient, MongoDatabase tandemDatabase) {
        return new StoreHealthIndicator(mongoClient, tandemDatabase);
    }

    @Bean
    MongoDatabase tandemDatabase(MongoClient mongoClient, StoreProperties properties) {
        return mongoClient.getDatabase(properties.database());
    }

    /**
     * The event store every processor reads through. When it has caught up it asks the store for new events every
     * {@code tandem.store.poll-interval}: events appended by another process (the command side) reach this one's
     * projections within about that long. It counts the events it appends when the service declares an
     * {@link AppendedEventsCounter}.
     */
    @Bean(destroyMethod = "shutDown")
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, StoreProperties properties,
                                  ObjectProvider<AppendedEventsCounter> appendedEvents) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                                                               .storageEngine(eventStorageEngine)
                                                               .fetchDelay(properties.pollInterval().toMillis());
        appendedEvents.ifAvailable(builder::messageMonitor);
        return builder.build();
    }

    /** The event contract's upcasters, run on every event read (aggregate loads, tracking, history replays). */
    @Bean
    EventUpcaster eventContractUpcasters() {
        return new EventUpcasterChain(EventUpcasters.all());
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoClient mongoClient, MongoDatabase tandemDatabase,
                                          StoreProperties properties,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer,
                                          ObjectProvider<EventUpcaster> upcasters,
                                          ObjectProvider<AppendListener> appendListener) {
        return SequencedMongoEventStorageEngine.builder()
                                               .client(mongoClient)
                                               .collections(EventStoreCollections.in(tandemDatabase))
                                               .transactions(properties.transactions())
                                               .gapTimeout(properties.gapTimeout())
                                               .maxGapOffset(properties.maxGapOffset())
                                               .batchSize(properties.batchSize())
                                               .eventSerializer(eventSerializer)
                                               .snapshotSerializer(serializer)
                                               .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                                               .appendListener(appendListener.getIfAvailable(() -> AppendListener.NONE))
                                               .exposeGlobalPosition(true)
                                               .build();
    }
}
