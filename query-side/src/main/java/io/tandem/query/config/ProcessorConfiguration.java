package io.tandem.query.config;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.ProcessingGroups;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The query side's processors: one pooled streaming processor per read model family, reading the event store from
 * the beginning, their tokens (and segment claims, which split the work across query-side nodes) in MongoDB through
 * the Axon Mongo extension's token store, events of one product in order, and a dead-letter queue per processor so
 * that an event a projection cannot handle parks only its own product.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    static final List<String> GROUPS = List.of(ProcessingGroups.MEMBERSHIP, ProcessingGroups.DASHBOARD,
                                               ProcessingGroups.DECISION_LOG, ProcessingGroups.PRODUCT_HISTORY);

    @Bean
    static MongoTemplate axonMongoTemplate(MongoDatabase tandemDatabase, ProcessingProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(properties.forProcessorWrites(tandemDatabase))
                                   .trackingTokensCollectionName("tracking_tokens")
                                   .deadLetterCollectionName("dead_letters")
                                   .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, ProcessingProperties properties) {
        return MongoTokenStore.builder()
                              .mongoTemplate(axonMongoTemplate)
                              .serializer(serializer)
                              .claimTimeout(properties.claimTimeout())
                              .build();
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, ProcessingProperties properties,
                             MongoTemplate axonMongoTemplate, EventArrivals arrivals,
                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        for (String group : GROUPS) {
            processing.registerPooledStreamingEventProcessor(
                    group,
                    configuration -> new ArrivalSignallingSource(configuration.eventStore(), arrivals),
                    (configuration, builder) -> builder.initialSegmentCount(properties.segments())
                                                       .maxClaimedSegments(properties.segments())
                                                       .claimExtensionThreshold(properties.claimExtension().toMillis())
                                                       .tokenClaimInterval(properties.claimRound().toMillis())
                                                       .batchSize(properties.batchSize())
                                                       .coordinatorExecutor(name -> newDaemonExecutor(name, 1))
                                                       .workerExecutor(name -> newDaemonExecutor(name,
                                                                                                 properties.threads())));
            processing.registerSequencingPolicy(group, configuration -> new ProductSequencingPolicy());
            processing.registerDeadLetterQueue(group, configuration -> new OncePerBatchDeadLetterQueue<>(
                    MongoSequencedDeadLetterQueue.builder()
                                                 .processingGroup(group)
                                                 .mongoTemplate(axonMongoTemplate)
                                                 .transactionManager(NoTransactionManager.INSTANCE)
                                                 .serializer(eventSerializer)
                                                 .build()));
        }
    }

    private static java.util.concurrent.ScheduledExecutorService newDaemonExecutor(String name, int threads) {
        return java.util.concurrent.Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
