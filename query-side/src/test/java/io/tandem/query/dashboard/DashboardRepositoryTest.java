package io.tandem.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Horizon;
import io.tandem.events.ProductVisionChangedEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.query.decisions.MongoTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Saving a dashboard on top of the state its document holds sends only the fields that changed, and stores the same
 * document as replacing it whole; when the document no longer holds that state, it is replaced whole.
 */
class DashboardRepositoryTest {

    private final MongoDatabase changesOnly = MongoTestSupport.freshDatabase();
    private final MongoDatabase whole = MongoTestSupport.freshDatabase();
    private final DashboardRepository repository = new DashboardRepository(changesOnly);
    private final DashboardRepository replacing = new DashboardRepository(whole);
    private final EncodedEntries entries = new EncodedEntries();

    @Test
    void savingTheChangesStoresTheSameDocumentAsReplacingItWhole() {
        Product product = Product.created();
        repository.save(product.state, null, entries);
        replacing.save(product.state);
        for (Consumer<Product> step : List.<Consumer<Product>>of(
                p -> p.roadmap("r1", Horizon.NOW), p -> p.roadmap("r2", Horizon.NEXT),
                p -> p.backlog("b1", "r1"), p -> p.backlog("b2", null), p -> p.move("b2", 1),
                p -> p.later(Duration.ofHours(2)).feedback("f1", FeedbackChannel.SUPPORT_TICKET),
                p -> p.feedback("f2", FeedbackChannel.SALES_CALL), p -> p.triage("f1", TriageOutcome.LINKED, "r1"),
                p -> p.reschedule("r2", Horizon.NEXT, Horizon.NOW),
                p -> p.pm(new ProductVisionChangedEvent(Product.ID, "Paying takes one click", "No thought")))) {
            DashboardState before = product.state;
            step.accept(product);
            repository.save(product.state, before, entries);
            replacing.save(product.state);

            assertThat(stored(changesOnly)).isEqualTo(stored(whole));
            assertThat(repository.load(Product.ID)).get().usingRecursiveComparison().isEqualTo(product.state);
        }
    }

    @Test
    void onlyTheChangedFieldsAreSent() {
        Product product = Product.created();
        repository.save(product.state, null, entries);
        // behind the version's back: a field the next event does not change keeps what is stored
        changesOnly.getCollection(DashboardRepository.COLLECTION)
                   .updateOne(Filters.eq("_id", Product.ID), Updates.set("state.vision", "changed behind its back"));
        DashboardState before = product.state;

        product.roadmap("r1", Horizon.NOW);
        repository.save(product.state, before, entries);

        DashboardState loaded = repository.load(Product.ID).orElseThrow();
        assertThat(loaded.vision).isEqualTo("changed behind its back");
        assertThat(loaded.roadmap).isEqualTo(product.state.roadmap);
        assertThat(loaded.version()).isEqualTo(product.state.version());
    }

    @Test
    void aDocumentThatMovedOnOrIsGoneIsReplacedWhole() {
        Product product = Product.created();
        DashboardState base = product.state;
        repository.save(base, null, entries);
        product.roadmap("r1", Horizon.NOW);
        repository.save(product.state, null, entries); // another node moved the document on
        product.roadmap("r2", Horizon.NEXT);

        repository.save(product.state, base, entries);
        replacing.save(product.state);
        assertThat(stored(changesOnly)).isEqualTo(stored(whole));

        repository.clear();
        DashboardState saved = product.state;
        product.roadmap("r3", Horizon.LATER);
        repository.save(product.state, saved, entries);
        assertThat(repository.load(Product.ID)).get().usingRecursiveComparison().isEqualTo(product.state);
    }

    private static Document stored(MongoDatabase database) {
        MongoCollection<Document> dashboards = database.getCollection(DashboardRepository.COLLECTION);
        return dashboards.find(Filters.eq("_id", Product.ID)).first();
    }
}
