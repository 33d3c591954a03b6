package io.tandem.command.idempotency;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.tandem.eventstore.EventStoreCollections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The records of idempotency keys: collection {@code idempotency_keys}, one document per actor and key
 * ({@code _id = actor + ":" + key}), read and written only by {@code _id} equality, which the embedded store serves
 * from its unique {@code _id} index.
 *
 * <p>A record is inserted PENDING before the command runs (the unique {@code _id} lets exactly one of several
 * concurrent requests through), marked COMPLETED with the response after it succeeded, and deleted when the command
 * was refused, so the client may correct the request and retry with the same key.
 *
 * <p>Crash window: if the process dies after the events were appended but before the record is marked COMPLETED,
 * the record stays PENDING. Retries get 409 (with {@code Retry-After}) until the record is older than
 * {@code tandem.idempotency.pending-timeout} (2 minutes by default). A healthy command takes milliseconds (and a
 * request gives up after the 10 s command timeout), so a PENDING record of that age belongs to a dead request. Before
 * its events are appended, a command records its answer and the identifier of its last event in the record
 * ({@link #prepare}, by {@link PreparedAnswers}); a retry of an abandoned record looks that event up by the events'
 * unique {@code eventIdentifier} index. Found: the command was appended, the record is completed with the prepared
 * answer and the retry gets it ({@code Idempotent-Replayed}). Not found (the crash came before the append, which is
 * all or nothing): exactly one retry takes the record over and runs the command. So a key appends at most once, as
 * long as no append is still in flight after the pending timeout. The takeover is exclusive without a conditional
 * update: the taker inserts a marker whose {@code _id} names the abandoned attempt, and only the one insert that
 * succeeds may proceed. Markers are a few bytes, exist only after crashes, and are kept so that a late taker can
 * never reuse one.
 */
@Component
class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";
    static final String PENDING = "PENDING";
    static final String COMPLETED = "COMPLETED";

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> events;
    private final Duration pendingTimeout;
    private final Clock clock;

    IdempotencyStore(MongoDatabase database, IdempotencyProperties properties) {
        this.records = database.getCollection(COLLECTION);
        this.events = database.getCollection(EventStoreCollections.EVENTS);
        this.pendingTimeout = properties.pendingTimeout();
        this.clock = Clock.systemUTC();
    }

    /** Claims the key for a request with this fingerprint, or says why the request may not run now. */
    Attempt begin(String id, String fingerprint) {
        for (int tries = 0; tries < 3; tries++) {
            if (insertIfAbsent(pending(id, fingerprint))) {
                return new Attempt.Proceed();
            }
            Document existing = records.find(eq("_id", id)).first();
            if (existing == null) {
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Attempt.KeyReuse();
            }
            if (COMPLETED.equals(existing.getString("status"))) {
                return new Attempt.Replay(response(existing.get("response", Document.class)));
            }
            Duration age = Duration.between(existing.getDate("createdAt").toInstant(), clock.instant());
            if (age.compareTo(pendingTimeout) < 0) {
                return new Attempt.InProgress(pendingTimeout.minus(age));
            }
            StoredResponse appended = appendedAnswer(existing.get("prepared", Document.class));
            if (appended != null) {
                complete(id, appended);
                return new Attempt.Replay(appended);
            }
            return takeOver(id, existing.getString("attempt")) ? new Attempt.Proceed()
                    : new Attempt.InProgress(pendingTimeout);
        }
        return new Attempt.InProgress(pendingTimeout);
    }

    /**
     * Records, before a command's events are appended, the answer it will get and the identifier of its last event:
     * what a retry after a crash needs to tell whether the command was appended, and to answer as it would have.
     */
    void prepare(String id, StoredResponse answer, String lastEventIdentifier) {
        records.updateOne(eq("_id", id), Updates.set("prepared", new Document("event", lastEventIdentifier)
                .append("response", stored(answer))));
    }

    /** Stores the answer of a command that succeeded; retries with the same key get it back. */
    void complete(String id, StoredResponse response) {
        records.updateOne(eq("_id", id), Updates.combine(Updates.set("status", COMPLETED),
                Updates.set("response", stored(response)), Updates.set("completedAt", Date.from(clock.instant()))));
    }

    /** Forgets the key of a command that was refused, so the corrected request may use it again. */
    void release(String id) {
        records.deleteOne(eq("_id", id));
    }

    private boolean takeOver(String id, String abandonedAttempt) {
        Instant now = clock.instant();
        if (!insertIfAbsent(new Document("_id", id + "#takeover:" + abandonedAttempt)
                .append("takeoverOf", id).append("createdAt", Date.from(now)))) {
            return false;
        }
        records.updateOne(eq("_id", id), Updates.combine(Updates.set("attempt", UUID.randomUUID().toString()),
                Updates.set("createdAt", Date.from(now)), Updates.unset("prepared")));
        return true;
    }

    private Document pending(String id, String fingerprint) {
        return new Document("_id", id)
                .append("fingerprint", fingerprint)
                .append("status", PENDING)
                .append("attempt", UUID.randomUUID().toString())
                .append("createdAt", Date.from(clock.instant()));
    }

    private boolean insertIfAbsent(Document document) {
        try {
            records.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The prepared answer of an abandoned attempt whose events are in the store, or null. */
    private StoredResponse appendedAnswer(Document prepared) {
        if (prepared == null
                || events.find(eq("eventIdentifier", prepared.getString("event"))).projection(include("_id"))
                         .first() == null) {
            return null;
        }
        return response(prepared.get("response", Document.class));
    }

    private static Document stored(StoredResponse response) {
        return new Document("status", response.status()).append("body", response.body())
                .append("version", response.version());
    }

    private static StoredResponse response(Document stored) {
        Number version = stored.get("version", Number.class);
        return new StoredResponse(stored.getInteger("status"), stored.getString("body"),
                version == null ? null : version.longValue());
    }
}
