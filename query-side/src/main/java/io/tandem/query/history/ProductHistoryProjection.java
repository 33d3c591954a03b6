package io.tandem.query.history;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.readmodel.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the index of each product's history ({@link ProductHistoryIndex}) that replays read, so that the history of
 * one product is found by key instead of by scanning the event store, and snapshots the reduced dashboard every
 * {@value Replay#SNAPSHOT_EVERY} events, so that no query replays more than that many from scratch. A snapshot that
 * fails is only logged: snapshots are a cache, and the next query makes the missing one. A reset clears the index and
 * the snapshots.
 */
@Component
@ProcessingGroup(ProcessingGroups.PRODUCT_HISTORY)
class ProductHistoryProjection {

    private static final Logger log = LoggerFactory.getLogger(ProductHistoryProjection.class);

    private final ProductHistoryIndex index;
    private final HistorySnapshots snapshots;
    private final DashboardHistory history;

    ProductHistoryProjection(ReadModels readModels, DashboardHistory history) {
        MongoDatabase database = readModels.writing(ProcessingGroups.PRODUCT_HISTORY);
        this.index = new ProductHistoryIndex(database);
        this.snapshots = new HistorySnapshots(database);
        this.history = history;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        DecisionEvent.from(message).filter(event -> event.globalPosition() >= 0).ifPresent(this::take);
    }

    private void take(DecisionEvent event) {
        long count = index.append(event);
        if (count > 0 && count % Replay.SNAPSHOT_EVERY == 0) {
            try {
                history.stateAsOf(event.productId(), new HistoryPoint.Latest());
            } catch (RuntimeException e) {
                log.warn("Could not snapshot the history of product {} at {} events", event.productId(), count, e);
            }
        }
    }

    @ResetHandler
    void reset() {
        index.clear();
        snapshots.clear();
    }
}
