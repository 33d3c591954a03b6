package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's memory backend with write commands run one at a time ({@link WriteSerializer}) and queries
 * answering copies of the stored documents ({@link CopyingMemoryCollection}), for tests.
 */
public class SerializedMemoryBackend extends MemoryBackend {

    private final WriteSerializer writes = new WriteSerializer();

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return writes.run(command, () -> super.handleCommand(channel, databaseName, command, query),
                          ticket -> {
                          }, Document::cloneDeeply);
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new CopyingMemoryDatabase(databaseName, getCursorRegistry());
    }

    /** A memory database whose collections are {@link CopyingMemoryCollection}s. */
    private static final class CopyingMemoryDatabase extends MemoryDatabase {

        CopyingMemoryDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        /** Called from the super constructor too: {@code cursorRegistry} (the super class's) is set by then. */
        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new CopyingMemoryCollection(this, collectionName, options, cursorRegistry);
        }
    }
}
