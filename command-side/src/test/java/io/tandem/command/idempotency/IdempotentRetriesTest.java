package io.tandem.command.idempotency;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.tandem.command.web.ApiClient;
import io.tandem.command.web.CommandApiFixture;
import io.tandem.command.web.CommandApiTest;
import io.tandem.command.web.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retry with the same Idempotency-Key returns the first answer and appends nothing, also after a crash between a
 * command's append and the completion of its record (the record is put into the state such a crash leaves).
 */
@CommandApiTest
class IdempotentRetriesTest extends CommandApiFixture {

    private static final String CREATE = "{\"name\":\"Retried\",\"vision\":\"Once only\"}";

    String key;

    @BeforeEach
    void setUp() {
        key = "retry-" + UUID.randomUUID();
    }

    @Test
    void replaysTheFirstAnswerForTheSameKeyAndBodyWithoutAppending() {
        long before = events.count();
        ApiClient.Response first = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);
        long afterFirst = events.count();

        ApiClient.Response retry = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(afterFirst).isGreaterThan(before);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(events.count()).isEqualTo(afterFirst);
    }

    @Test
    void refusesTheSameKeyForADifferentBody() {
        api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);
        long before = events.count();

        ApiClient.Response reuse = api.as("pm").header("Idempotency-Key", key)
                .post("/api/products", "{\"name\":\"Something else\"}");

        assertProblem(reuse, 422, "idempotency-key-reuse");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void refusesTheSameKeyForADifferentPath() {
        String productId = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE).id();

        ApiClient.Response reuse = api.as("pm").header("Idempotency-Key", key)
                .put("/api/products/" + productId + "/vision", CREATE);

        assertProblem(reuse, 422, "idempotency-key-reuse");
    }

    @Test
    void keepsKeysApartPerUser() {
        ApiClient.Response byPm = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);
        ApiClient.Response byPo = api.as("po").header("Idempotency-Key", key).post("/api/products", CREATE);

        assertThat(byPo.status()).isEqualTo(201);
        assertThat(byPo.header("Idempotent-Replayed")).isNull();
        assertThat(byPo.id()).isNotEqualTo(byPm.id());
    }

    @Test
    void releasesTheKeyWhenTheCommandIsRefusedSoTheCorrectedRequestMayUseIt() {
        ApiClient.Response refused = api.as("pm").header("Idempotency-Key", key)
                .post("/api/products", "{\"name\":\"\"}");
        ApiClient.Response corrected = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);

        assertProblem(refused, 400, "validation");
        assertThat(corrected.status()).as("%s", corrected).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void releasesTheKeyWhenTheDomainRefusesTheCommand() {
        String productId = new Scenario(api).product("pm");
        String path = "/api/products/" + productId + "/members/pm/roles/PRODUCT_MANAGER";

        assertProblem(api.as("pm").header("Idempotency-Key", key).delete(path), 409, "business-rule");
        assertThat(database.getCollection(IdempotencyStore.COLLECTION)
                .find(new Document("_id", "pm:" + key)).first()).isNull();
    }

    @Test
    void rejectsMalformedKey() {
        long before = events.count();

        assertProblem(api.as("pm").header("Idempotency-Key", "has spaces and ümlauts").post("/api/products", CREATE),
                400, "malformed-request");
        assertProblem(api.as("pm").header("Idempotency-Key", "k".repeat(201)).post("/api/products", CREATE),
                400, "malformed-request");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void answersInProgressWhileTheSameRequestIsPending() {
        insertPending("pm:" + key, Instant.now());
        long before = events.count();

        ApiClient.Response response = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);

        assertProblem(response, 409, "conflict");
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void takesOverAPendingRecordAbandonedLongerThanThePendingTimeout() {
        insertPending("pm:" + key, Instant.now().minus(Duration.ofMinutes(10)));

        ApiClient.Response response = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);
        ApiClient.Response retry = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);

        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.id()).isEqualTo(response.id());
    }

    @Test
    void preparesTheAnswerAndTheLastEventBeforeTheAppend() {
        ApiClient.Response first = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);

        Document prepared = records().find(new Document("_id", "pm:" + key)).first().get("prepared", Document.class);
        assertThat(prepared.get("response", Document.class).getInteger("status")).isEqualTo(201);
        assertThat(prepared.get("response", Document.class).getString("body")).contains(first.id());
        assertThat(database.getCollection("events").find(new Document("eventIdentifier", prepared.getString("event")))
                           .first()).as("the prepared event is the command's last").isNotNull();
    }

    @Test
    void replaysThePreparedAnswerWhenTheCrashedCommandWasAppended() {
        ApiClient.Response first = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);
        crashedBeforeCompletion();
        long before = events.count();

        ApiClient.Response retry = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);

        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(events.count()).as("nothing appended again").isEqualTo(before);
    }

    @Test
    void runsTheCommandAgainWhenTheCrashCameBeforeTheAppend() {
        api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);
        crashedBeforeCompletion();
        records().updateOne(new Document("_id", "pm:" + key),
                            Updates.set("prepared.event", "an-event-that-was-never-appended"));
        long before = events.count();

        ApiClient.Response retry = api.as("pm").header("Idempotency-Key", key).post("/api/products", CREATE);

        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(events.count()).as("the product created by the retry").isEqualTo(before + 2);
    }

    /** The record as a crash after the append leaves it: PENDING, older than the pending timeout, answer prepared. */
    private void crashedBeforeCompletion() {
        records().updateOne(new Document("_id", "pm:" + key), Updates.combine(
                Updates.set("status", IdempotencyStore.PENDING), Updates.unset("response"),
                Updates.set("createdAt", Date.from(Instant.now().minus(Duration.ofMinutes(10))))));
    }

    private MongoCollection<Document> records() {
        return database.getCollection(IdempotencyStore.COLLECTION);
    }

    private void insertPending(String id, Instant createdAt) {
        String fingerprint = RequestFingerprint.of("POST", "/api/products", CREATE.getBytes(StandardCharsets.UTF_8));
        records().insertOne(new Document("_id", id)
                .append("fingerprint", fingerprint)
                .append("status", IdempotencyStore.PENDING)
                .append("attempt", UUID.randomUUID().toString())
                .append("createdAt", Date.from(createdAt)));
    }
}
