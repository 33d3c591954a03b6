package io.tandem.command.idempotency;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
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
 * {@code tandem.idempotency.pending-timeout} (2 minutes by default); then exactly one retry takes it over and runs
 * the command again. A healthy command takes milliseconds (and a request gives up after the 10 s command timeout),
 * so a PENDING record of that age belongs to a dead request; two minutes keeps clients waiting only briefly after a
 * crash. The re-run may append the decision a second time (at-least-once inside this window only); a client that
 * also sends {@code If-Match} is protected, since the re-run then fails with 412 against the already advanced version.
 * The takeover is exclusive without a conditional update: the taker inserts a marker whose {@code _id} names the
 * abandoned attempt, and only the one insert that succeeds may proceed. Markers are a few bytes, exist only after
 * crashes, and are kept so that a late taker can never reuse one.
 */
@Component
class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";
    static final String PENDING = "PENDING";
    static final String COMPLETED = "COMPLETED";

    private final MongoCollection<Document> records;
    private final Duration pendingTimeout;
    private final Clock clock;

    IdempotencyStore(MongoDatabase database, IdempotencyProperties properties) {
        this.records = database.getCollection(COLLECTION);
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
            return takeOver(id, existing.getString("attempt")) ? new Attempt.Proceed()
                    : new Attempt.InProgress(pendingTimeout);
        }
        return new Attempt.InProgress(pendingTimeout);
    }

    /** Stores the answer of a command that succeeded; retries with the same key get it back. */
    void complete(String id, StoredResponse response) {
        Document stored = new Document("status", response.status()).append("body", response.body())
                .append("version", response.version());
        records.updateOne(eq("_id", id), Updates.combine(Updates.set("status", COMPLETED),
                Updates.set("response", stored), Updates.set("completedAt", Date.from(clock.instant()))));
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
                Updates.set("createdAt", Date.from(now))));
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

    private static StoredResponse response(Document stored) {
        Number version = stored.get("version", Number.class);
        return new StoredResponse(stored.getInteger("status"), stored.getString("body"),
                version == null ? null : version.longValue());
    }
}
