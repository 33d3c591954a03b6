package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;

/**
 * mongo-java-server's memory collection whose queries answer copies of the stored documents, taken while the
 * collection is locked. The memory backend updates a stored document in place (removes and puts its fields), under
 * the collection's lock, but a query's documents are encoded into the reply after that lock is released, so without
 * the copy a read could answer a document half replaced ({@code ReadsNeverSeeAnUpdateHalfDoneTest}). The durable H2
 * backend solves the same race the other way round ({@link SizeOnDemandCollection}: its updates replace documents
 * instead of changing them), which the memory collection cannot do: it keeps its documents in a private list and
 * ignores the replacement an update hands back.
 * <p>
 * A copy of the top level is enough: an update puts new values into a document's top level, computed from a deep
 * clone, and never changes a value it found there. Updates, findAndModify and deletes find their documents through
 * the same query path and must get the stored objects themselves, so they are not copied.
 */
final class CopyingMemoryCollection extends MemoryCollection {

    /** Set while this thread runs a write that finds the documents it changes through a query. */
    private static final ThreadFlag WRITING = new ThreadFlag();

    CopyingMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return WRITING.during(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert,
                oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return WRITING.during(() -> super.findAndModify(query));
    }

    @Override
    public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return WRITING.during(() -> super.deleteDocuments(selector, limit, oplog));
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        if (WRITING.isSet()) {
            return super.createQueryResult(matchedDocuments, batchSize);
        }
        List<Document> copies = new ArrayList<>(matchedDocuments.size());
        for (Document document : matchedDocuments) {
            copies.add(document.clone());
        }
        return super.createQueryResult(copies, batchSize);
    }
}
