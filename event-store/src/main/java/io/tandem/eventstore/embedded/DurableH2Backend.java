package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made durable for acknowledged writes.
 * <p>
 * The stock backend lets H2's MVStore commit in the background about once a second and ignores write concern, so an
 * acknowledged insert can vanish when the process is killed. Here background commits are off and every command that
 * may write runs alone ({@link WriteSerializer}) and is committed to the file before its reply is sent. So an
 * acknowledged write survives a kill of the process (the file is written through the OS; with {@code fsync} it is
 * also forced to the disk, which a power loss needs), and one write command (a multi-document insert, say) is
 * all-or-nothing on a crash.
 */
public class DurableH2Backend extends H2Backend {

    private final WriteSerializer writes = new WriteSerializer();
    private final boolean fsync;

    public DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.fsync = fsync;
    }

    /** Opens (or creates) the store file with background commits disabled. */
    public static DurableH2Backend open(String fileName, boolean fsync) {
        return new DurableH2Backend(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open(), fsync);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return writes.run(command, () -> super.handleCommand(channel, databaseName, command, query), this::commit,
                          Document::cloneDeeply);
    }

    @Override
    public void commit() {
        MVStore store = getMvStore();
        if (store.hasUnsavedChanges()) {
            store.commit();
            if (fsync) {
                store.sync();
            }
        }
    }
}
