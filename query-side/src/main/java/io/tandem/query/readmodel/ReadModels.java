package io.tandem.query.readmodel;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.config.ProcessingProperties;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where each processor's read model lives. Projections write through {@link #writing}, queries read through
 * {@link #serving}; both are the same collections except while the read model is rebuilt, when the projections fill a
 * fresh generation and the queries keep answering from the previous one until the new one has caught up.
 * Generation 0 uses the plain collection names; generation n appends {@code _g<n>}.
 */
@Component
public class ReadModels {

    /** The collections of each processor's read model. */
    static final Map<String, List<String>> COLLECTIONS = Map.of(
            ProcessingGroups.MEMBERSHIP, List.of("product_members", "user_products"),
            ProcessingGroups.DASHBOARD, List.of("dashboards"),
            ProcessingGroups.DECISION_LOG, List.of("decision_log", "decision_log_items"),
            ProcessingGroups.PRODUCT_HISTORY, List.of("product_history", "product_history_snapshots"));

    private final MongoDatabase database;
    private final ReadModelGenerations generations;

    ReadModels(MongoDatabase tandemDatabase, ProcessingProperties processing) {
        this.database = processing.forProcessorWrites(tandemDatabase);
        this.generations = new ReadModelGenerations(tandemDatabase);
    }

    /** The database as the group's projections see it: the generation being written. */
    public MongoDatabase writing(String group) {
        requireKnown(group);
        return GenerationRouting.database(database, () -> generations.of(group).writing());
    }

    /** The database as queries see it: the generation that answers. */
    public MongoDatabase serving(String group) {
        requireKnown(group);
        return GenerationRouting.database(database, () -> generations.of(group).serving());
    }

    /** Whether the group's read model is being rebuilt into a new generation. */
    public boolean rebuilding(String group) {
        return generations.of(group).rebuilding();
    }

    static String physicalName(String name, int generation) {
        return generation == 0 ? name : name + "_g" + generation;
    }

    Generation generation(String group) {
        return generations.of(group);
    }

    /** Starts writing a fresh generation (emptied first, in case an earlier attempt left one behind). */
    Generation beginRebuild(String group) {
        Generation current = generations.of(group);
        int next = Math.max(current.serving(), current.writing()) + 1;
        drop(group, next);
        Generation rebuilding = new Generation(current.serving(), next);
        generations.set(group, rebuilding);
        return rebuilding;
    }

    /** Goes back to writing the generation that answers, dropping the one a rebuild could not start filling. */
    void abandonRebuild(String group) {
        Generation current = generations.of(group);
        generations.set(group, new Generation(current.serving(), current.serving()));
        drop(group, current.writing());
    }

    /** Lets the new generation answer and drops every older one. */
    void finishRebuild(String group) {
        Generation current = generations.of(group);
        generations.set(group, new Generation(current.writing(), current.writing()));
        for (int old = 0; old < current.writing(); old++) {
            drop(group, old);
        }
    }

    private void drop(String group, int generation) {
        for (String name : COLLECTIONS.get(group)) {
            database.getCollection(physicalName(name, generation)).drop();
        }
    }

    private static void requireKnown(String group) {
        if (!COLLECTIONS.containsKey(group)) {
            throw new IllegalArgumentException("No read model for processing group " + group);
        }
    }
}
