package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection without its running total of the documents' size: the size is computed when
 * asked for ({@code collStats}, {@code dbStats}, {@code validate}), which nothing in Tandem does on a hot path.
 * <p>
 * The stock collection keeps the total in the collection's meta map and updates it on every write, encoding each
 * inserted document to BSON, and the old and the new document of each update, only to measure them. Profiled under
 * the end-to-end benchmark, measuring was 6 % of the store's CPU; and since the total lives in a map of its own,
 * every commit also rewrote each written collection's meta map: a single-event append touched seven maps instead of
 * five. The total a store written by an earlier version left in the meta map is no longer read or written.
 * <p>
 * Updates never change a stored document. mongo-java-server updates the document object it keeps in the map in
 * place (removes and puts its fields, then puts the same object back), while reads run beside writes and a commit
 * writes its pages while the next writes run: a read could answer a document half replaced (measured:
 * {@code ReadsNeverSeeAnUpdateHalfDoneTest}), and a commit could write one. Here an update ({@code update},
 * {@code findAndModify}) works on a copy of each matched document's top level, which then replaces the stored one.
 * A top-level copy is enough: the update puts new values into the document's top level, computed from a deep clone,
 * and never changes a value it found there. A replacement by {@code _id} skips that path ({@link #replaceById}).
 */
final class SizeOnDemandCollection extends H2Collection {

    /** The documents by {@code _id}; {@code null} while the super constructor runs. */
    private final MVMap<Object, Document> documents;

    SizeOnDemandCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                           CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documents = dataMap;
    }

    /** Set while this thread runs an update or findAndModify: its matched documents are copies. */
    private static final ThreadFlag UPDATING = new ThreadFlag();

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        Document replaced = isMulti ? null : replaceById(selector, updateQuery, oplog);
        if (replaced != null) {
            return replaced;
        }
        return UPDATING.during(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert,
                oplog));
    }

    /**
     * A replacement of the document with a string {@code _id}, selected by exactly that {@code _id}, in a collection
     * whose only index is the {@code _id} index: the stored document is swapped for the replacement (with the
     * {@code _id} first), compared once to count it modified or not. Returns the update's result, or null when the
     * update is not such a replacement or no document has the {@code _id} (an upsert inserts it), for the stock path.
     * <p>
     * The stock path deep-clones the stored document, clones the replacement into a new one, compares the two twice
     * and normalizes both for the comparison that counts it modified: for a dashboard document rewritten with every
     * event, the store's largest cost after committing (profiled under the end-to-end benchmark). Here the
     * replacement, decoded from this one request and held by nothing else, becomes the stored document as it is.
     */
    private Document replaceById(Document selector, Document replacement, Oplog oplog) {
        String idField = getIdField();
        if (idField == null || selector.size() != 1 || !(selector.get(idField) instanceof String id)) {
            return null;
        }
        for (String field : replacement.keySet()) {
            if (field.startsWith("$")) {
                return null;
            }
        }
        Object replacementId = replacement.get(idField);
        if (replacementId != null && !id.equals(replacementId)) {
            return null; // the stock path refuses to change the _id
        }
        for (Index<Object> index : getIndexes()) {
            if (index.getKeys().size() != 1 || !idField.equals(index.getKeys().get(0).getKey())) {
                return null;
            }
        }
        Document stored = documents.get(id);
        if (stored == null) {
            return null;
        }
        Document document = new Document(idField, id);
        replacement.forEach((field, value) -> {
            if (!field.equals(idField)) {
                document.put(field, value);
            }
        });
        Utils.validateFieldNames(document);
        List<Object> modified = new ArrayList<>(1);
        if (!document.equals(stored)) {
            handleUpdate(id, stored, document);
            modified.add(id);
        }
        oplog.handleUpdate(getFullName(), selector, replacement, modified);
        return new Document("n", 1).append("nModified", modified.size());
    }

    @Override
    public Document findAndModify(Document query) {
        return UPDATING.during(() -> super.findAndModify(query));
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        QueryResult matched = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!UPDATING.isSet()) {
            return matched;
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : matched) {
            copies.add(document.clone());
        }
        return new QueryResult(copies, matched.getCursorId());
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** The documents' total BSON size, measured now (capped at {@link Integer#MAX_VALUE}, the type's limit). */
    @Override
    protected int getDataSize() {
        if (documents == null) {
            return 0; // asked only by the super constructor, for a debug line
        }
        long total = 0;
        ByteBuf buffer = Unpooled.buffer();
        try {
            for (Document document : documents.values()) {
                buffer.clear();
                BsonEncoder.encodeDocument(document, buffer);
                total += buffer.writerIndex();
            }
        } finally {
            buffer.release();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
