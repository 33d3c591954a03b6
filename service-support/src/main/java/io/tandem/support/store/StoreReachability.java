package io.tandem.support.store;

import com.mongodb.MongoTimeoutException;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import com.mongodb.selector.ServerSelector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails store operations at once while the driver's monitor knows that no server of the store can be reached, instead
 * of letting each one wait out the server selection timeout.
 *
 * <p>Without it a request that touches the store several times (idempotency record, snapshot, events, append, settling
 * the record) waited the selection timeout for each, and requests queued on the same aggregate's lock waited for each
 * other: during an outage a command could take half a minute to be refused. With it the first operation after the
 * outage is known fails with {@link Unreachable} (a {@link MongoTimeoutException}, which the services already answer
 * with 503), and so does every following one until the monitor reaches a server again.
 *
 * <p>"Known unreachable" means every server the driver knows has been tried and failed (its description carries an
 * exception). Before the first check of a server has failed, or while a replica set elects a primary and its
 * secondaries answer, the store is not unreachable: operations wait for a server as usual. Registered as the
 * client's cluster listener and as its extra server selector (the driver applies that one after the operation's own).
 */
public final class StoreReachability implements ClusterListener, ServerSelector {

    private static final Logger log = LoggerFactory.getLogger(StoreReachability.class);

    /** Since when the store has been unreachable, and why; {@code null} while it is reachable. */
    private record Outage(Instant since, String cause) {
    }

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final Clock clock;

    public StoreReachability() {
        this(Clock.systemUTC());
    }

    StoreReachability(Clock clock) {
        this.clock = clock;
    }

    /** Whether the driver's monitor last saw every server of the store fail. */
    public boolean unreachable() {
        return outage.get() != null;
    }

    @Override
    public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
        List<ServerDescription> servers = event.getNewDescription().getServerDescriptions();
        boolean down = !servers.isEmpty() && servers.stream().allMatch(s -> !s.isOk() && s.getException() != null);
        if (down) {
            String cause = servers.get(0).getException().toString();
            if (outage.compareAndSet(null, new Outage(clock.instant(), cause))) {
                log.warn("Store unreachable, failing store operations at once until it answers again: {}", cause);
            }
        } else {
            Outage ended = outage.getAndSet(null);
            if (ended != null) {
                log.info("Store no longer unreachable (it was since {})", ended.since());
            }
        }
    }

    @Override
    public List<ServerDescription> select(ClusterDescription clusterDescription) {
        Outage current = outage.get();
        if (current != null) {
            throw new Unreachable(current);
        }
        return clusterDescription.getServerDescriptions();
    }

    @Override
    public String toString() {
        return "StoreReachability{unreachable=" + unreachable() + "}";
    }

    /** An operation refused without waiting, because no server of the store could be reached. */
    public static final class Unreachable extends MongoTimeoutException {

        private static final long serialVersionUID = 1L;

        private Unreachable(Outage outage) {
            super("The store is unreachable since " + outage.since() + " (" + outage.cause()
                  + "); not waiting for a server");
        }
    }
}
