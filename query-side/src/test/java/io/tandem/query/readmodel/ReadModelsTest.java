package io.tandem.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.config.ProcessingProperties;
import io.tandem.query.decisions.MongoTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generations of a read model: what queries and projections see before, during and after a rebuild. */
class ReadModelsTest {

    private static final ProcessingProperties PROCESSING = new ProcessingProperties(4, 2, 50, Duration.ofSeconds(10),
                                                                                    false, 500);

    private MongoDatabase database;
    private ReadModels readModels;

    @BeforeEach
    void setUp() {
        database = MongoTestSupport.freshDatabase();
        readModels = new ReadModels(database, PROCESSING);
    }

    private static List<String> ids(MongoCollection<Document> collection) {
        List<String> ids = new ArrayList<>();
        collection.find().forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @Test
    void servingAndWritingAreThePlainCollectionsUntilARebuild() {
        readModels.writing(ProcessingGroups.DASHBOARD).getCollection("dashboards")
                .insertOne(new Document("_id", "p1"));

        assertThat(ids(readModels.serving(ProcessingGroups.DASHBOARD).getCollection("dashboards")))
                .containsExactly("p1");
        assertThat(ids(database.getCollection("dashboards"))).containsExactly("p1");
        assertThat(readModels.rebuilding(ProcessingGroups.DASHBOARD)).isFalse();
    }

    @Test
    void queriesKeepTheOldReadModelWhileTheRebuildWritesANewOneThatTakesOverWhenDone() {
        MongoCollection<Document> serving = readModels.serving(ProcessingGroups.DASHBOARD).getCollection("dashboards");
        MongoCollection<Document> writing = readModels.writing(ProcessingGroups.DASHBOARD).getCollection("dashboards");
        writing.insertOne(new Document("_id", "old"));

        readModels.beginRebuild(ProcessingGroups.DASHBOARD);
        writing.insertOne(new Document("_id", "new"));

        assertThat(readModels.rebuilding(ProcessingGroups.DASHBOARD)).isTrue();
        assertThat(ids(serving)).as("queries during the rebuild").containsExactly("old");
        assertThat(ids(writing)).as("projections during the rebuild").containsExactly("new");

        readModels.finishRebuild(ProcessingGroups.DASHBOARD);

        assertThat(ids(serving)).containsExactly("new");
        assertThat(readModels.rebuilding(ProcessingGroups.DASHBOARD)).isFalse();
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .contains("dashboards_g1").doesNotContain("dashboards");
    }

    @Test
    void aNewRebuildStartsFromAnEmptyGenerationAndLeavesOtherReadModelsAlone() {
        readModels.writing(ProcessingGroups.MEMBERSHIP).getCollection("product_members")
                .insertOne(new Document("_id", "p1"));
        readModels.beginRebuild(ProcessingGroups.DASHBOARD);
        readModels.writing(ProcessingGroups.DASHBOARD).getCollection("dashboards")
                .insertOne(new Document("_id", "half-built"));

        readModels.beginRebuild(ProcessingGroups.DASHBOARD);

        assertThat(ids(readModels.writing(ProcessingGroups.DASHBOARD).getCollection("dashboards"))).isEmpty();
        assertThat(ids(readModels.serving(ProcessingGroups.MEMBERSHIP).getCollection("product_members")))
                .containsExactly("p1");
    }

    @Test
    void anAbandonedRebuildLeavesProjectionsWritingTheGenerationThatAnswers() {
        MongoCollection<Document> serving = readModels.serving(ProcessingGroups.DASHBOARD).getCollection("dashboards");
        MongoCollection<Document> writing = readModels.writing(ProcessingGroups.DASHBOARD).getCollection("dashboards");
        writing.insertOne(new Document("_id", "old"));
        readModels.beginRebuild(ProcessingGroups.DASHBOARD);
        writing.insertOne(new Document("_id", "half"));

        readModels.abandonRebuild(ProcessingGroups.DASHBOARD);
        writing.insertOne(new Document("_id", "next"));

        assertThat(readModels.rebuilding(ProcessingGroups.DASHBOARD)).isFalse();
        assertThat(ids(serving)).containsExactly("old", "next");
        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("dashboards_g1");
    }

    @Test
    void anotherNodeSeesTheFinishedRebuildWithinASecond() {
        ReadModels otherNode = new ReadModels(database, PROCESSING);
        MongoCollection<Document> seenThere =
                otherNode.serving(ProcessingGroups.DECISION_LOG).getCollection("decision_log");
        readModels.beginRebuild(ProcessingGroups.DECISION_LOG);
        readModels.writing(ProcessingGroups.DECISION_LOG).getCollection("decision_log")
                .insertOne(new Document("_id", "e1"));
        readModels.finishRebuild(ProcessingGroups.DECISION_LOG);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                .until(() -> ids(seenThere).equals(List.of("e1")));
    }
}
