package io.tandem.query.decisions;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.readmodel.ReadModels;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the decision log (audit): filtered pages with a cursor, and the timeline of one item. Membership is the
 * caller's concern.
 */
@Component
public class DecisionLogQueries {

    /** The largest page {@link #find} returns; larger limits are reduced to it. */
    public static final int MAX_LIMIT = 1000;

    /** How many entries {@link #stream} fetches from MongoDB per round trip (and so at most holds in memory). */
    public static final int STREAM_BATCH_SIZE = 500;

    private final DecisionLogRepository log;

    @Autowired
    DecisionLogQueries(ReadModels readModels) {
        this(readModels.serving(ProcessingGroups.DECISION_LOG));
    }

    DecisionLogQueries(MongoDatabase database) {
        this.log = new DecisionLogRepository(database);
    }

    /**
     * One page of a product's decisions matching {@code filter}, by global position ascending, starting after the
     * cursor {@code after} (entries with a global position greater than it; null = from the start).
     *
     * @param limit the page size, 1 to {@value #MAX_LIMIT} (more is reduced to {@value #MAX_LIMIT})
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public DecisionLogPage find(String productId, DecisionLogFilter filter, Long after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        int size = Math.min(limit, MAX_LIMIT);
        List<DecisionLogEntry> entries = log.find(productId, filter == null ? DecisionLogFilter.none() : filter,
                after, size + 1);
        if (entries.size() <= size) {
            return new DecisionLogPage(entries, null);
        }
        List<DecisionLogEntry> page = entries.subList(0, size);
        return new DecisionLogPage(page, page.get(size - 1).globalPosition());
    }

    /**
     * Hands every decision of a product matching {@code filter} to {@code sink}, by global position ascending, while
     * reading them from a cursor in batches of {@value #STREAM_BATCH_SIZE}: for exports of any size, nothing collects
     * the whole log. Runs on the caller's thread; an exception from the sink stops it and closes the cursor.
     */
    public void stream(String productId, DecisionLogFilter filter, Consumer<DecisionLogEntry> sink) {
        log.forEach(productId, filter == null ? DecisionLogFilter.none() : filter, STREAM_BATCH_SIZE, sink);
    }

    /**
     * Every decision about one item, oldest first: those about the item itself and those that name it, e.g. feedback
     * triaged to a roadmap item, a backlog item linked to it, a recorded decision relating to it.
     */
    public List<DecisionLogEntry> timeline(String productId, String itemId) {
        return log.concerning(productId, itemId);
    }
}
