package io.tandem.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB with a global sequence
 * allocated by the store and tracking by {@link GapAwareTrackingToken}, the model of Axon's JDBC engine.
 * <p>
 * Appends take positions from a counter document ({@link GlobalSequence}); the unique {@code streamKey}
 * (aggregate id + sequence number) makes a concurrent append to the same aggregate fail as a concurrency conflict.
 * Aggregate loads ask for the next chunk of stream keys with {@code $in}; tracking polls ask for the token's gaps and
 * the next window of positions with {@code _id $in} ({@link TrackedEventReader}). Every hot query is therefore served
 * by a unique index on real MongoDB and on the embedded mongo-java-server, and its cost does not grow with the store.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {

    /** Metadata key under which tracked (streamed) events carry their global position. */
    public static final String GLOBAL_POSITION = "globalPosition";

    private final EventStoreCollections collections;
    private final GlobalSequence sequence;
    private final EventAppender appender;
    private final TrackedEventReader trackedReader;
    private final SnapshotStore snapshots;
    private final int headWindow;

    protected SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        this.collections = builder.collections;
        this.sequence = new GlobalSequence(collections.sequences());
        boolean transactional = builder.transactions.enabledFor(builder.client);
        this.appender = new EventAppender(builder.client, collections.events(), sequence, transactional,
                                          builder.gapTimeout.dividedBy(2), builder.clock, builder.appendListener);
        this.trackedReader = new TrackedEventReader(collections.events(), sequence, builder.maxGapOffset,
                                                    builder.gapTimeout, builder.clock,
                                                    builder.exposeGlobalPosition);
        this.snapshots = new SnapshotStore(collections.snapshots());
        this.headWindow = Math.min(builder.maxGapOffset, 1000);
        collections.ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Jackson serializer the engine uses by default for events and snapshots (records, java.time; whole numbers
     * in untyped values such as metadata read back as {@code Long}).
     */
    public static JacksonSerializer defaultSerializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).findAndRegisterModules()
                                                .enable(DeserializationFeature.USE_LONG_FOR_INTS);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<BsonDocument> documents = new ArrayList<>(events.size());
        events.forEach(event -> documents.add(EventDocuments.toDocument(event, serializer)));
        try {
            appender.append(documents);
        } catch (MongoException | MongoDuplicateKeyResolver.DuplicateInBatchException e) {
            handlePersistenceException(e, events.get(0));
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return trackedReader.fetch(lastToken, batchSize);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                  long firstSequenceNumber, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long sequenceNumber = firstSequenceNumber; sequenceNumber < firstSequenceNumber + batchSize;
             sequenceNumber++) {
            keys.add(EventDocuments.streamKey(aggregateIdentifier, sequenceNumber));
        }
        List<DomainEventData<?>> result = new ArrayList<>(batchSize);
        collections.events().find(Filters.in(EventDocuments.STREAM_KEY, keys))
                   .forEach(document -> result.add(EventDocuments.toDomainEventData(document)));
        result.sort(Comparator.comparingLong(DomainEventData::getSequenceNumber));
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long next = readSnapshotData(aggregateIdentifier).findFirst().map(s -> s.getSequenceNumber()).orElse(0L);
        Long last = null;
        int chunk = batchSize();
        while (true) {
            List<? extends DomainEventData<?>> events = fetchDomainEvents(aggregateIdentifier, next, chunk);
            if (events.isEmpty()) {
                return Optional.ofNullable(last);
            }
            last = events.get(events.size() - 1).getSequenceNumber();
            if (events.size() < chunk) {
                return Optional.of(last);
            }
            next = last + 1;
        }
    }

    /** Before the first position: a processor starting here sees every event. */
    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, new TreeSet<>());
    }

    /**
     * At the head of the sequence: just after the highest visible position near the counter, keeping the appends
     * still in flight below it as gaps, so that a processor starting "now" skips none of them.
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = sequence.head();
        long from = Math.max(1, head - headWindow + 1);
        List<Long> window = new ArrayList<>();
        for (long position = from; position <= head; position++) {
            window.add(position);
        }
        TreeSet<Long> present = new TreeSet<>();
        if (!window.isEmpty()) {
            collections.events().find(Filters.in(EventDocuments.ID, window))
                       .projection(Projections.include(EventDocuments.ID))
                       .forEach(document -> present.add(EventDocuments.position(document)));
        }
        if (present.isEmpty()) {
            return GapAwareTrackingToken.newInstance(from - 1, new TreeSet<>());
        }
        TreeSet<Long> gaps = new TreeSet<>();
        for (long position = from; position < present.last(); position++) {
            if (!present.contains(position)) {
                gaps.add(position);
            }
        }
        return GapAwareTrackingToken.newInstance(present.last(), gaps);
    }

    /**
     * Just before the first event (in global order) whose timestamp is at or after {@code dateTime}. Not a hot path:
     * on the embedded server this query scans the collection.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        BsonDocument first = collections.events()
                                        .find(Filters.gte(EventDocuments.TIMESTAMP, dateTime))
                                        .projection(Projections.include(EventDocuments.ID))
                                        .sort(Sorts.ascending(EventDocuments.ID)).limit(1).first();
        if (first == null) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(EventDocuments.position(first) - 1, new TreeSet<>());
    }

    /** How a multi-event append is made atomic. */
    public enum Transactions {
        /** Use a transaction when the server is a replica set or sharded cluster member. */
        AUTO,
        ALWAYS,
        NEVER;

        boolean enabledFor(MongoClient client) {
            return switch (this) {
                case ALWAYS -> true;
                case NEVER -> false;
                case AUTO -> ServerCapabilities.supportsTransactions(client);
            };
        }
    }

    /** Builder; {@code client} and {@code collections} are required, everything else has a default. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoClient client;
        private EventStoreCollections collections;
        private Transactions transactions = Transactions.AUTO;
        private int maxGapOffset = 10_000;
        private Duration gapTimeout = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private AppendListener appendListener = AppendListener.NONE;
        private boolean exposeGlobalPosition;

        protected Builder() {
            JacksonSerializer serializer = defaultSerializer();
            eventSerializer(serializer);
            snapshotSerializer(serializer);
            persistenceExceptionResolver(new MongoDuplicateKeyResolver());
        }

        public Builder client(MongoClient client) {
            this.client = client;
            return this;
        }

        public Builder collections(EventStoreCollections collections) {
            this.collections = collections;
            return this;
        }

        public Builder transactions(Transactions transactions) {
            this.transactions = transactions;
            return this;
        }

        /** How far (in positions) behind the token a gap may lag before it is given up. Default 10,000. */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /**
         * How long an allocated position may stay empty before readers give it up. Default 1 minute. An append that
         * stalls for half of it between allocation and insert abandons its positions and allocates new ones.
         */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Adds each tracked event's global position to the metadata it is read with, under
         * {@link #GLOBAL_POSITION}. Off by default: Axon's contract is that events read back carry the metadata they
         * were stored with.
         */
        public Builder exposeGlobalPosition(boolean exposeGlobalPosition) {
            this.exposeGlobalPosition = exposeGlobalPosition;
            return this;
        }

        public Builder appendListener(AppendListener appendListener) {
            this.appendListener = appendListener;
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (client == null || collections == null) {
                throw new AxonConfigurationException("A MongoClient and the event store collections are required");
            }
            if (maxGapOffset <= 0 || gapTimeout.isNegative() || gapTimeout.isZero()) {
                throw new AxonConfigurationException("maxGapOffset and gapTimeout must be positive");
            }
        }

        public SequencedMongoEventStorageEngine build() {
            validate();
            return new SequencedMongoEventStorageEngine(this);
        }
    }
}
