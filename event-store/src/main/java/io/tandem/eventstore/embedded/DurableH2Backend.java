package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made durable for acknowledged writes.
 * <p>
 * The stock backend lets H2's MVStore commit in the background about once a second and ignores write concern, so an
 * acknowledged insert can vanish when the process is killed. Here background commits are off, every command that may
 * write runs alone ({@link WriteSerializer}), and its reply is sent only once a commit that started after the write
 * has been written to the file ({@link Durability#COMMIT}). So an acknowledged write survives a kill of the process
 * (the file is written through the OS; {@link Durability#COMMIT_AND_FSYNC} also forces it to the disk, which a power
 * loss needs), and one write command (a multi-document insert, say) is all-or-nothing on a crash.
 * <p>
 * Group commit: commits run outside the write lock, one at a time. A writer whose write is already covered by a
 * commit that started after it finished returns at once; otherwise it commits everything written so far, which covers
 * the writers queued behind it too. With one writer this is one commit per write, as before; with several, the
 * file is written once for all the writes that ran while the previous commit was being written.
 */
public class DurableH2Backend extends H2Backend {

    private final WriteSerializer writes = new WriteSerializer();
    private final Durability durability;
    private final Object commitLock = new Object();
    /** The last write ticket handed out when the latest commit started; every write up to it is in the file. */
    private long committedTicket;
    /** The highest ticket whose write has finished; all lower tickets have finished too (writes run in order). */
    private final AtomicLong lastWrittenTicket = new AtomicLong();

    private final AtomicLong commits = new AtomicLong();

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

    /** Databases whose unique indexes compare keys without serializing them each time ({@link IndexKeyType}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        LongConsumer afterWrite = journaled(query) ? this::commitAcknowledged : ticket -> {
        };
        return writes.run(command, () -> super.handleCommand(channel, databaseName, command, query), afterWrite,
                          Document::cloneDeeply);
    }

    /**
     * Whether the write's reply must wait for the file: yes unless its write concern says {@code j: false}, as
     * MongoDB acknowledges such a write before its journal holds it. The next commit covers it, and commits are
     * ordered, so a write acknowledged durably after it implies it is in the file too.
     */
    private static boolean journaled(Document command) {
        return !(command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j")));
    }

    /** Returns once the write with this ticket (run and finished before this call) is in the store file. */
    private void commitAcknowledged(long ticket) {
        if (durability == Durability.BACKGROUND) {
            return;
        }
        lastWrittenTicket.accumulateAndGet(ticket, Math::max);
        synchronized (commitLock) {
            if (committedTicket >= ticket) {
                return;
            }
            long covered = lastWrittenTicket.get();
            MVStore store = getMvStore();
            if (store.hasUnsavedChanges()) {
                store.commit();
                commits.incrementAndGet();
                if (durability == Durability.COMMIT_AND_FSYNC) {
                    store.sync();
                }
            }
            committedTicket = covered;
        }
    }

    /** How many commits this backend has written to the file for acknowledged writes (group commit: ≤ writes). */
    public long commits() {
        return commits.get();
    }

    /** Whether the store holds changes that no commit has written to the file yet. */
    public boolean hasUncommittedChanges() {
        return getMvStore().hasUnsavedChanges();
    }
}
