package io.tandem.query.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The generation of each processor's read model, in collection {@value #COLLECTION} ({@code _id} = processing group,
 * {@code serving}, {@code writing}). Kept in memory and re-read at most every {@value #REFRESH_MILLIS} ms, so that
 * another query-side node sees a finished rebuild within about a second; this node's own changes apply at once.
 */
final class ReadModelGenerations {

    static final String COLLECTION = "read_model_generations";
    static final long REFRESH_MILLIS = 1000;

    private final MongoCollection<Document> documents;
    private final Map<String, Generation> cache = new ConcurrentHashMap<>();
    private volatile long loadedAt; // 0: never loaded

    ReadModelGenerations(MongoDatabase database) {
        this.documents = database.getCollection(COLLECTION);
    }

    Generation of(String group) {
        if (System.currentTimeMillis() - loadedAt > REFRESH_MILLIS) {
            reload();
        }
        return cache.getOrDefault(group, Generation.INITIAL);
    }

    void set(String group, Generation generation) {
        documents.replaceOne(eq("_id", group), new Document("_id", group).append("serving", generation.serving())
                .append("writing", generation.writing()), new ReplaceOptions().upsert(true));
        cache.put(group, generation);
    }

    private synchronized void reload() {
        if (System.currentTimeMillis() - loadedAt <= REFRESH_MILLIS) {
            return;
        }
        documents.find().forEach(d -> cache.put(d.getString("_id"),
                new Generation(d.getInteger("serving", 0), d.getInteger("writing", 0))));
        loadedAt = System.currentTimeMillis();
    }
}
