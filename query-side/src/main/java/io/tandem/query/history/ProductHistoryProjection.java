package io.tandem.query.history;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.readmodel.PerBatch;
import io.tandem.query.readmodel.ReadModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the index of each product's history ({@link ProductHistoryIndex}) that replays read, so that the history of
 * one product is found by key instead of by scanning the event store — written once per product and processing batch
 * ({@link PerBatch}) — and snapshots the reduced dashboard every {@value Replay#SNAPSHOT_EVERY} events, in the
 * generation it writes, so that no query replays more than that many from scratch. A snapshot that
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
    private final String batchKey = "product-history-batch@" + System.identityHashCode(this);

    ProductHistoryProjection(ReadModels readModels, DashboardHistory history) {
        MongoDatabase database = readModels.writing(ProcessingGroups.PRODUCT_HISTORY);
        this.index = new ProductHistoryIndex(database);
        this.snapshots = new HistorySnapshots(database);
        this.history = history;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        DecisionEvent.from(message).filter(event -> event.globalPosition() >= 0)
                .ifPresent(event -> PerBatch.apply(batchKey, Batch::new, batch -> batch.add(event)));
    }

    /** The events of one processing batch, taken into the index per product when the batch commits. */
    private final class Batch implements Runnable {

        private final Map<String, List<DecisionEvent>> byProduct = new LinkedHashMap<>();

        void add(DecisionEvent event) {
            byProduct.computeIfAbsent(event.productId(), id -> new ArrayList<>()).add(event);
        }

        @Override
        public void run() {
            byProduct.forEach((productId, events) -> {
                long[] counts = index.appendAll(productId, events);
                if (counts[1] / Replay.SNAPSHOT_EVERY > counts[0] / Replay.SNAPSHOT_EVERY) {
                    snapshot(productId, counts[1]);
                }
            });
        }
    }

    /** Replays to the latest event, which saves the snapshots of every multiple of 1000 events passed. */
    private void snapshot(String productId, long count) {
        try {
            history.snapshotLatest(index, snapshots, productId);
        } catch (RuntimeException e) {
            log.warn("Could not snapshot the history of product {} at {} events", productId, count, e);
        }
    }

    @ResetHandler
    void reset() {
        index.clear();
        snapshots.clear();
    }
}
