package io.tandem.eventstore.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Group commit: a commit starts while no write runs (H2 takes each map's state in turn, so a commit that started
 * during a write could keep part of it), and writes go on once H2 has that state and writes pages; one commit at a
 * time. A writer whose write is already covered by a commit that started after it finished returns at once;
 * otherwise it commits everything written so far, which covers the writers queued behind it too. With one writer
 * this is one commit per write; with several, the writes that ran while one commit was being written share the next.
 * <p>
 * Housekeeping: H2 writes each commit as a new chunk of the file and frees a chunk only once none of its pages is
 * live any more and it has been dead for the retention time. Its own background thread, which also compacts chunks
 * that are mostly dead, is off with background commits. Measured before this was added: 30,000 single-document
 * inserts left a 2 GB file whose chunks were 2 % live, and it grew by about 65 KB per commit for good. So once a
 * second a housekeeping thread rewrites the live pages of the emptiest chunks (up to {@link #COMPACTION_BYTES}) and
 * commits them, and chunks are reused once dead for {@link #RETENTION} instead of H2's 45 s. The retention exists so
 * that a power loss cannot leave the file pointing into a chunk already overwritten; with {@link Durability#COMMIT}
 * the housekeeping thread therefore also forces the file to disk each second that saw a commit, so a chunk freed
 * five seconds after it died is dead in a version already on disk. ({@link Durability#COMMIT_AND_FSYNC} forces every
 * commit anyway.)
 */
public class DurableH2Backend extends H2Backend {

    /** How often the housekeeping thread runs. */
    static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(1);
    /** How long a dead chunk is kept before its space is reused (H2's default: 45 s). */
    static final Duration RETENTION = Duration.ofSeconds(5);
    /** At most this many bytes of live pages are moved out of sparse chunks per housekeeping round. */
    static final int COMPACTION_BYTES = 1 << 20;
    /** Chunks are compacted while the live share of the chunks is below this percentage. */
    static final int COMPACTION_FILL_RATE = 50;

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    private final WriteSerializer writes = new WriteSerializer();
    private final Durability durability;
    private final Object commitLock = new Object();
    /** The last write ticket handed out when the latest commit started; every write up to it is in the file. */
    private long committedTicket;

    private final AtomicLong commits = new AtomicLong();
    private final ScheduledExecutorService housekeeping;
    /** How many commits had been written when the housekeeping thread last forced the file to disk. */
    private long syncedCommits;

    public DurableH2Backend(MVStore store, Durability durability) {
        this(store, durability, HOUSEKEEPING_INTERVAL, RETENTION);
    }

    DurableH2Backend(MVStore store, Durability durability, Duration housekeepingInterval, Duration retention) {
        super(store);
        this.durability = durability;
        if (durability == Durability.BACKGROUND) {
            housekeeping = null; // H2's own background thread commits and compacts
            return;
        }
        store.setRetentionTime((int) retention.toMillis());
        housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long every = housekeepingInterval.toMillis();
        housekeeping.scheduleWithFixedDelay(this::houseKeep, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The page cache H2 keeps in memory unless told otherwise, in MB. H2's own default is 16 MB: profiled under the
     * end-to-end benchmark (a store of 10k events and the query side's read models), pages were evicted and read back
     * from the file so often that decoding them was 13 % of the store's CPU.
     */
    public static final int DEFAULT_CACHE_MB = 64;

    /** Opens (or creates) the store file with the default page cache ({@link #DEFAULT_CACHE_MB}). */
    public static DurableH2Backend open(String fileName, Durability durability) {
        return open(fileName, durability, DEFAULT_CACHE_MB);
    }

    /**
     * Opens (or creates) the store file; background commits are disabled unless {@code durability} says so.
     * {@code cacheMb} is the size of H2's page cache (at least 1 MB).
     */
    public static DurableH2Backend open(String fileName, Durability durability, int cacheMb) {
        if (cacheMb < 1) {
            throw new IllegalArgumentException("The store's page cache must be at least 1 MB, was " + cacheMb);
        }
        MVStore.Builder builder = new MVStore.Builder().fileName(fileName).cacheSize(cacheMb);
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
        synchronized (commitLock) {
            if (committedTicket < ticket) {
                commitAll();
            }
        }
    }

    /**
     * Commits every finished write; called holding {@link #commitLock}. The commit starts while no write runs, and
     * writes go on once H2 has its snapshot ({@link WriteSerializer#commit}).
     */
    private void commitAll() {
        MVStore store = getMvStore();
        committedTicket = writes.commit(lastTicket -> {
            if (store.hasUnsavedChanges()) {
                store.commit();
                commits.incrementAndGet();
            }
            return lastTicket;
        });
        if (durability == Durability.COMMIT_AND_FSYNC) {
            store.sync(); // outside the write lock: writes go on while the disk catches up
        }
    }

    /** One housekeeping round: see the class comment. */
    private void houseKeep() {
        MVStore store = getMvStore();
        try {
            if (store.isClosed()) {
                return;
            }
            long committed = commits.get();
            if (durability == Durability.COMMIT && committed != syncedCommits) {
                store.sync(); // only when a commit was written since the last round: an idle store is left alone
                syncedCommits = committed;
            }
            if (store.compact(COMPACTION_FILL_RATE, COMPACTION_BYTES)) {
                synchronized (commitLock) {
                    commitAll();
                }
            }
        } catch (RuntimeException e) {
            if (!store.isClosed()) {
                log.warn("Store housekeeping failed; it runs again next round", e);
            }
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            // Not shutdownNow: an interrupt during the round's file I/O closes H2's file channel (NIO), and the store
            // could then not write its clean shutdown; the round in progress finishes, no further round starts.
            housekeeping.shutdown();
            try {
                housekeeping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
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
