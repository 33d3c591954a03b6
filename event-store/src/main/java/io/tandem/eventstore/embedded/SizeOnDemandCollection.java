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
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * and never changes a value it found there. A replacement, {@code $set} or {@code $addToSet} by {@code _id} skips
 * that path ({@link #updateById}).
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

    /** The update operators {@link #updateById} applies itself. */
    private static final Set<String> OPERATORS = Set.of("$set", "$addToSet");

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        Document updated = isMulti ? null : updateById(selector, updateQuery, oplog);
        if (updated != null) {
            return updated;
        }
        return UPDATING.during(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert,
                oplog));
    }

    /**
     * A replacement, or a {@code $set} and {@code $addToSet}, of the document a selector picks by a string
     * {@code _id} (and possibly more conditions, matched against that one document), in a collection whose only
     * index is the {@code _id} index: the stored document is swapped for the new one, compared once to count it
     * modified or not. Returns the update's result, or null for the stock path: any other update, no stored document
     * with the {@code _id} or one that does not match the rest of the selector (so an upsert inserts, or fails on the
     * duplicate key, as before), a changed {@code _id}, a path the stock path resolves or refuses (through an array,
     * conflicting, {@code $}-prefixed).
     * <p>
     * The stock path deep-clones the stored document, clones the update into a new one, compares the two twice and
     * normalizes both to count it modified: for a dashboard document rewritten with every event, the store's largest
     * cost after committing (profiled under the end-to-end benchmark). Here the new document is built from the
     * stored one's values and the update's, decoded from this one request and held by nothing else: a replacement is
     * stored as it is (with the {@code _id} first), operators copy only the documents and arrays on their paths. No
     * stored value is changed: reads and commits running beside this may still hold the old document.
     */
    private Document updateById(Document selector, Document update, Oplog oplog) {
        String idField = getIdField();
        if (idField == null || !(selector.get(idField) instanceof String id) || !onlyTheIdIndex(idField)) {
            return null;
        }
        Document stored = documents.get(id);
        if (stored == null || (selector.size() > 1 && !documentMatchesQuery(stored, selector))) {
            return null;
        }
        Document document = update.keySet().stream().anyMatch(field -> field.startsWith("$"))
                ? applyOperators(stored, update, idField) : replacement(id, update, idField);
        if (document == null) {
            return null;
        }
        List<Object> modified = new ArrayList<>(1);
        if (!document.equals(stored)) {
            handleUpdate(id, stored, document);
            modified.add(id);
        }
        oplog.handleUpdate(getFullName(), selector, update, modified);
        return new Document("n", 1).append("nModified", modified.size());
    }

    private boolean onlyTheIdIndex(String idField) {
        for (Index<Object> index : getIndexes()) {
            if (index.getKeys().size() != 1 || !idField.equals(index.getKeys().get(0).getKey())) {
                return false;
            }
        }
        return true;
    }

    /** The replacement with the {@code _id} first; null when it names another {@code _id}. */
    private static Document replacement(String id, Document replacement, String idField) {
        Object replacementId = replacement.get(idField);
        if (replacementId != null && !id.equals(replacementId)) {
            return null;
        }
        Document document = new Document(idField, id);
        replacement.forEach((field, value) -> {
            if (!field.equals(idField)) {
                document.put(field, value);
            }
        });
        Utils.validateFieldNames(document);
        return document;
    }

    /**
     * The stored document with the update's {@code $set} and {@code $addToSet} applied: the documents along each path
     * copied (top level first), the value put at its end, or added to a copy of the array there unless equal to an
     * element (as the stock path compares them). Null for the stock path when the update has another operator, or a
     * path that is empty, starts at the {@code _id}, has an empty or {@code $}-prefixed part, runs through a value
     * that is not a document (or a missing one), appears twice or is a prefix of another, or an {@code $addToSet} on
     * a value that is not an array or with modifiers besides {@code $each}.
     */
    private static Document applyOperators(Document stored, Document update, String idField) {
        Set<String> paths = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!OPERATORS.contains(operator.getKey()) || !(operator.getValue() instanceof Document changes)
                    || changes.isEmpty()) {
                return null;
            }
            for (String path : changes.keySet()) {
                if (!paths.add(path)) {
                    return null;
                }
                for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                    prefixes.add(path.substring(0, dot));
                }
            }
        }
        if (paths.stream().anyMatch(prefixes::contains)) {
            return null;
        }
        Document document = stored.clone();
        Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        copies.add(document);
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            for (Map.Entry<String, Object> change : ((Document) operator.getValue()).entrySet()) {
                String[] parts = change.getKey().split("\\.", -1);
                Document parent = parts[0].equals(idField) ? null : copiedParent(document, parts, copies);
                if (parent == null) {
                    return null;
                }
                String field = parts[parts.length - 1];
                if (operator.getKey().equals("$set")) {
                    parent.put(field, change.getValue());
                    continue;
                }
                List<Object> array = addedToSet(parent.containsKey(field), parent.get(field), change.getValue());
                if (array == null) {
                    return null;
                }
                parent.put(field, array);
            }
        }
        return document;
    }

    /** The document holding the path's last part, copied along the path; null when a part is not a plain name. */
    private static Document copiedParent(Document document, String[] parts, Set<Document> copies) {
        Document parent = document;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].startsWith("$")) {
                return null;
            }
            if (i == parts.length - 1) {
                return parent;
            }
            if (!(parent.get(parts[i]) instanceof Document child)) {
                return null;
            }
            Document copy = copies.contains(child) ? child : child.clone();
            copies.add(copy);
            parent.put(parts[i], copy);
            parent = copy;
        }
        return parent;
    }

    /**
     * A copy of the array with the {@code $addToSet}'s values it does not hold yet appended, or a new array when the
     * field is missing; null when the field is not an array or the values are not a value or {@code {$each: [...]}}.
     */
    private static List<Object> addedToSet(boolean present, Object current, Object added) {
        List<Object> values;
        if (added instanceof Document modifiers && !modifiers.isEmpty()
                && modifiers.keySet().iterator().next().equals("$each")) {
            if (modifiers.size() != 1 || !(modifiers.get("$each") instanceof List<?> each)) {
                return null;
            }
            values = new ArrayList<>(each);
        } else {
            values = new ArrayList<>();
            values.add(added);
        }
        List<Object> array;
        if (!present) {
            array = new ArrayList<>();
        } else if (current instanceof List<?> list) {
            array = new ArrayList<>(list);
        } else {
            return null;
        }
        for (Object value : values) {
            if (!array.contains(value)) {
                array.add(value);
            }
        }
        return array;
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
