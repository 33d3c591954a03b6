package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its unique indexes opened on {@link IndexKeyType} and its collections'
 * documents on {@link DocumentValueType}: the same maps under the same names, so an existing store opens unchanged;
 * keys are compared without serializing them on every comparison, documents are written as BSON, and the collections
 * measure their size only when asked ({@link SizeOnDemandCollection}).
 */
final class IndexedH2Database extends H2Database {

    /** The names mongo-java-server's {@code H2Database} gives a collection's maps (its constants are not public). */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    /** The store of a database whose constructor is running on this thread. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.store = store;
    }

    static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new IndexedH2Database(databaseName, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        // The super constructor opens the existing indexes before this.store is set: use the argument's store then.
        MVStore mvStore = store != null ? store : OPENING.get();
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap.Builder<KeyValue, Object> builder = new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType());
        MVMap<KeyValue, Object> map = mvStore.openMap(mapName, builder);
        return new UniqueIndexOnMap(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = store != null ? store : OPENING.get();
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = mvStore.openMap(
                DATA_MAP_PREFIX + fullName, new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
        MVMap<String, Object> metaMap = mvStore.openMap(META_MAP_PREFIX + fullName);
        return new SizeOnDemandCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /** A unique index kept in one H2 map from key to document position, as mongo-java-server's own. */
    private static final class UniqueIndexOnMap extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndexOnMap(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
