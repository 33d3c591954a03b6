package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** mongo-java-server's memory backend with write commands run one at a time ({@link WriteSerializer}), for tests. */
public class SerializedMemoryBackend extends MemoryBackend {

    private final WriteSerializer writes = new WriteSerializer();

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return writes.run(command, () -> super.handleCommand(channel, databaseName, command, query),
                          ticket -> {
                          }, Document::cloneDeeply);
    }
}
