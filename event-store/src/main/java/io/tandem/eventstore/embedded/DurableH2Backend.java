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
 * may write runs alone ({@link WriteSerializer}) and is committed to the file before its reply is sent
 * ({@link Durability#COMMIT}). So an acknowledged write survives a kill of the process (the file is written through
 * the OS; {@link Durability#COMMIT_AND_FSYNC} also forces it to the disk, which a power loss needs), and one write
 * command (a multi-document insert, say) is all-or-nothing on a crash.
 */
public class DurableH2Backend extends H2Backend {

    private final WriteSerializer writes = new WriteSerializer();
    private final Durability durability;

    public DurableH2Backend(MVStore store, Durability durability) {
        super(store);
        this.durability = durability;
    }

    /** Opens (or creates) the store file; background commits are disabled unless {@code durability} says so. */
    public static DurableH2Backend open(String fileName, Durability durability) {
        MVStore.Builder builder = new MVStore.Builder().fileName(fileName);
        if (durability != Durability.BACKGROUND) {
            builder.autoCommitDisabled();
        }
        return new DurableH2Backend(builder.open(), durability);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return writes.run(command, () -> super.handleCommand(channel, databaseName, command, query),
                          this::commitAcknowledged, Document::cloneDeeply);
    }

    private void commitAcknowledged() {
        MVStore store = getMvStore();
        if (durability == Durability.BACKGROUND || !store.hasUnsavedChanges()) {
            return;
        }
        store.commit();
        if (durability == Durability.COMMIT_AND_FSYNC) {
            store.sync();
        }
    }
}
