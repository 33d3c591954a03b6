package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacements, {@code $set}s and {@code $addToSet}s on the H2 backend, most of which take
 * {@link SizeOnDemandCollection}'s update by {@code _id}: they answer and store what MongoDB would, and what that path
 * does not take (another unique index, a changed {@code _id}, an upsert, other operators, conflicting paths, a value
 * that is not an array) still behaves as before.
 */
class UpdateByIdTest {

    @TempDir
    Path data;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;

    @BeforeEach
    void start() {
        open();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void open() {
        server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, data, "127.0.0.1", 0, Durability.COMMIT);
        client = MongoClients.create(server.connectionString());
        documents = client.getDatabase("replace").getCollection("documents");
    }

    @Test
    void aReplacementSwapsTheWholeDocumentKeepsTheIdFirstAndSurvivesAReopen() {
        documents.insertOne(new Document("_id", "p1").append("a", 1).append("gone", "x")
                .append("nested", new Document("list", new ArrayList<>(List.of(1, 2)))));

        UpdateResult result = documents.replaceOne(Filters.eq("_id", "p1"),
                new Document("b", "two").append("nested", new Document("list", new ArrayList<>(List.of(3)))));

        assertThat(result.getMatchedCount()).isEqualTo(1);
        assertThat(result.getModifiedCount()).isEqualTo(1);
        Document expected = new Document("_id", "p1").append("b", "two")
                .append("nested", new Document("list", List.of(3)));
        assertThat(documents.find(Filters.eq("_id", "p1")).first()).isEqualTo(expected);
        assertThat(new ArrayList<>(documents.find(Filters.eq("_id", "p1")).first().keySet()))
                .containsExactly("_id", "b", "nested");

        stop();
        open();
        assertThat(documents.find(Filters.eq("_id", "p1")).first()).isEqualTo(expected);
    }

    @Test
    void aReplacementThatNamesTheSameIdIsTakenAndAnIdenticalOneModifiesNothing() {
        documents.insertOne(new Document("_id", "p1").append("v", 1));

        UpdateResult changed = documents.replaceOne(Filters.eq("_id", "p1"), new Document("v", 2).append("_id", "p1"));
        UpdateResult same = documents.replaceOne(Filters.eq("_id", "p1"), new Document("_id", "p1").append("v", 2));

        assertThat(changed.getModifiedCount()).isEqualTo(1);
        assertThat(same.getMatchedCount()).isEqualTo(1);
        assertThat(same.getModifiedCount()).isZero();
        assertThat(new ArrayList<>(documents.find().first().keySet())).containsExactly("_id", "v");
        assertThat(documents.find().first().getInteger("v")).isEqualTo(2);
    }

    @Test
    void aReplacementOfNoDocumentMatchesNothingOrUpsertsAndOtherDocumentsStayAsTheyWere() {
        documents.insertOne(new Document("_id", "other").append("v", 0));

        UpdateResult none = documents.replaceOne(Filters.eq("_id", "p1"), new Document("v", 1));
        UpdateResult upserted = documents.replaceOne(Filters.eq("_id", "p1"), new Document("v", 1),
                new ReplaceOptions().upsert(true));
        documents.replaceOne(Filters.eq("_id", "p1"), new Document("v", 2));

        assertThat(none.getMatchedCount()).isZero();
        assertThat(upserted.getUpsertedId()).isNotNull();
        assertThat(documents.find(Filters.eq("_id", "p1")).first()).isEqualTo(new Document("_id", "p1").append("v", 2));
        assertThat(documents.find(Filters.eq("_id", "other")).first())
                .isEqualTo(new Document("_id", "other").append("v", 0));
        assertThat(documents.countDocuments()).isEqualTo(2);
    }

    @Test
    void aReplacementThatChangesTheIdIsRefusedAndChangesNothing() {
        documents.insertOne(new Document("_id", "p1").append("v", 1));

        assertThatThrownBy(() -> documents.replaceOne(Filters.eq("_id", "p1"), new Document("_id", "p2").append("v", 2)))
                .isInstanceOf(MongoWriteException.class);

        assertThat(documents.find().into(new ArrayList<>())).containsExactly(new Document("_id", "p1").append("v", 1));
    }

    @Test
    void aCollectionWithAnotherUniqueIndexStillEnforcesItOnReplacement() {
        documents.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        documents.insertOne(new Document("_id", "a").append("email", "a@example.org"));
        documents.insertOne(new Document("_id", "b").append("email", "b@example.org"));

        assertThatThrownBy(() -> documents.replaceOne(Filters.eq("_id", "b"),
                new Document("email", "a@example.org"))).isInstanceOf(MongoWriteException.class);
        documents.replaceOne(Filters.eq("_id", "b"), new Document("email", "c@example.org"));

        assertThat(documents.find(Filters.eq("email", "c@example.org")).first()).containsEntry("_id", "b");
        assertThat(documents.find(Filters.eq("email", "b@example.org")).first()).isNull();
    }

    @Test
    void operatorUpdatesAndUpdatesSelectedByMoreThanTheIdStillApply() {
        documents.insertOne(new Document("_id", "p1").append("v", 1).append("tag", "x"));

        documents.updateOne(Filters.eq("_id", "p1"), Updates.inc("v", 1));
        UpdateResult missed = documents.replaceOne(Filters.and(Filters.eq("_id", "p1"), Filters.eq("tag", "y")),
                new Document("v", 10));
        UpdateResult hit = documents.replaceOne(Filters.and(Filters.eq("_id", "p1"), Filters.eq("tag", "x")),
                new Document("v", 3));

        assertThat(missed.getMatchedCount()).isZero();
        assertThat(hit.getModifiedCount()).isEqualTo(1);
        assertThat(documents.find().first()).isEqualTo(new Document("_id", "p1").append("v", 3));
    }

    @Test
    void aSetCopiesOnlyAlongItsPathsAndLeavesEveryOtherValueAsItWas() {
        documents.insertOne(new Document("_id", "p1").append("version", 1)
                .append("state", new Document("name", "old").append("list", List.of(1, 2))
                        .append("deep", new Document("a", 1).append("b", 2)))
                .append("other", "kept"));

        UpdateResult result = documents.updateOne(Filters.eq("_id", "p1"), Updates.combine(Updates.set("version", 2),
                Updates.set("state.name", "new"), Updates.set("state.deep.b", 3), Updates.set("state.added", true),
                Updates.set("appended", List.of("x"))));

        assertThat(result.getMatchedCount()).isEqualTo(1);
        assertThat(result.getModifiedCount()).isEqualTo(1);
        Document expected = new Document("_id", "p1").append("version", 2)
                .append("state", new Document("name", "new").append("list", List.of(1, 2))
                        .append("deep", new Document("a", 1).append("b", 3)).append("added", true))
                .append("other", "kept").append("appended", List.of("x"));
        assertThat(documents.find().first()).isEqualTo(expected);
        assertThat(new ArrayList<>(documents.find().first().keySet()))
                .containsExactly("_id", "version", "state", "other", "appended");

        stop();
        open();
        assertThat(documents.find().first()).isEqualTo(expected);
    }

    @Test
    void aSetOfANestedValueOnlyIsStoredAndSurvivesAReopen() {
        documents.insertOne(new Document("_id", "p1").append("state", new Document("n", 1).append("m", 1)));

        UpdateResult result = documents.updateOne(Filters.eq("_id", "p1"), Updates.set("state.n", 2));

        assertThat(result.getModifiedCount()).isEqualTo(1);
        stop();
        open();
        assertThat(documents.find().first())
                .isEqualTo(new Document("_id", "p1").append("state", new Document("n", 2).append("m", 1)));
    }

    @Test
    void aSetOfTheValuesAlreadyStoredModifiesNothing() {
        documents.insertOne(new Document("_id", "p1").append("v", 1).append("state", new Document("n", "a")));

        UpdateResult result = documents.updateOne(Filters.eq("_id", "p1"),
                Updates.combine(Updates.set("v", 1), Updates.set("state.n", "a")));

        assertThat(result.getMatchedCount()).isEqualTo(1);
        assertThat(result.getModifiedCount()).isZero();
    }

    @Test
    void aSetSelectedByTheIdAndMoreAppliesOnlyWhileTheDocumentStillMatches() {
        documents.insertOne(new Document("_id", "p1").append("version", 1).append("v", "a"));

        UpdateResult stale = documents.updateOne(Filters.and(Filters.eq("_id", "p1"), Filters.eq("version", 0)),
                Updates.set("v", "stale"));
        UpdateResult current = documents.updateOne(Filters.and(Filters.eq("_id", "p1"), Filters.eq("version", 1)),
                Updates.combine(Updates.set("v", "b"), Updates.set("version", 2)));

        assertThat(stale.getMatchedCount()).isZero();
        assertThat(current.getModifiedCount()).isEqualTo(1);
        assertThat(documents.find().first()).isEqualTo(new Document("_id", "p1").append("version", 2).append("v", "b"));
    }

    @Test
    void setsThatTheStockPathResolvesOrRefusesBehaveAsBefore() {
        documents.insertOne(new Document("_id", "p1").append("list", new ArrayList<>(List.of(
                new Document("n", 1), new Document("n", 2)))).append("state", new Document("n", 1)));
        Document before = documents.find().first();

        assertThatThrownBy(() -> documents.updateOne(Filters.eq("_id", "p1"),
                Updates.combine(Updates.set("state", new Document()), Updates.set("state.n", 2))))
                .as("conflicting paths").isInstanceOf(MongoWriteException.class);
        assertThatThrownBy(() -> documents.updateOne(Filters.eq("_id", "p1"), Updates.set("_id", "p2")))
                .as("a changed _id").isInstanceOf(MongoWriteException.class);
        assertThat(documents.find().first()).isEqualTo(before);

        documents.updateOne(Filters.eq("_id", "p1"), Updates.set("list.1.n", 20));
        documents.updateOne(Filters.eq("_id", "p1"), Updates.combine(Updates.set("state.n", 2), Updates.inc("c", 1)));
        documents.updateOne(Filters.eq("_id", "p2"), Updates.set("state.n", 9), new UpdateOptions().upsert(true));

        assertThat(documents.find(Filters.eq("_id", "p1")).first()).isEqualTo(new Document("_id", "p1")
                .append("list", List.of(new Document("n", 1), new Document("n", 20)))
                .append("state", new Document("n", 2)).append("c", 1));
        assertThat(documents.find(Filters.eq("_id", "p2")).first())
                .isEqualTo(new Document("_id", "p2").append("state", new Document("n", 9)));
    }

    @Test
    void anAddToSetAppendsOnlyTheValuesTheArrayDoesNotHoldAndSurvivesAReopen() {
        documents.insertOne(new Document("_id", "c1").append("entries", new ArrayList<>(List.of(
                new Document("p", 1L), new Document("p", 2L)))));

        UpdateResult added = documents.updateOne(Filters.eq("_id", "c1"), Updates.combine(
                Updates.addEachToSet("entries", List.of(new Document("p", 2L), new Document("p", 3L))),
                Updates.addToSet("created", "x"), Updates.set("count", 3)));
        UpdateResult again = documents.updateOne(Filters.eq("_id", "c1"),
                Updates.addEachToSet("entries", List.of(new Document("p", 3L), new Document("p", 1L))));

        assertThat(added.getModifiedCount()).isEqualTo(1);
        assertThat(again.getMatchedCount()).isEqualTo(1);
        assertThat(again.getModifiedCount()).isZero();
        Document expected = new Document("_id", "c1").append("entries", List.of(new Document("p", 1L),
                new Document("p", 2L), new Document("p", 3L))).append("created", List.of("x")).append("count", 3);
        assertThat(documents.find().first()).isEqualTo(expected);
        stop();
        open();
        assertThat(documents.find().first()).isEqualTo(expected);
    }

    @Test
    void anAddToSetOnAValueThatIsNotAnArrayIsRefusedAndChangesNothing() {
        documents.insertOne(new Document("_id", "c1").append("entries", "not an array").append("v", 1));

        assertThatThrownBy(() -> documents.updateOne(Filters.eq("_id", "c1"), Updates.combine(
                Updates.addToSet("entries", 1), Updates.set("v", 2)))).isInstanceOf(MongoWriteException.class);

        assertThat(documents.find().first())
                .isEqualTo(new Document("_id", "c1").append("entries", "not an array").append("v", 1));
    }
}
