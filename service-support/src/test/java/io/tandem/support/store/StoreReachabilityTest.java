package io.tandem.support.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerConnectionState;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import io.tandem.eventstore.embedded.EmbeddedMongoServer.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real driver against the embedded server stopped and started again on the same port: operations fail at once while
 * the store is known unreachable (not after the selection timeout, set to 20 s here so the difference is plain) and
 * work again by themselves when it is back. And which cluster states count as unreachable.
 */
class StoreReachabilityTest {

    private static final ClusterDescription EMPTY = cluster();

    @TempDir
    Path data;

    private EmbeddedMongoServer server;
    private MongoClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void failsAtOnceWhileTheStoreIsDownAndRecoversByItself() {
        server = start(0);
        int port = server.port();
        StoreReachability reachability = new StoreReachability();
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=20000");
        client = MongoClients.create(StoreConfiguration.clientSettings(uri, "reachability-test", reachability));
        MongoCollection<Document> items = client.getDatabase("tandem").getCollection("items");
        items.insertOne(new Document("_id", 1));

        server.close();
        await("the monitor sees the store gone").atMost(Duration.ofSeconds(10)).until(reachability::unreachable);
        long started = System.nanoTime();
        assertThatThrownBy(() -> items.insertOne(new Document("_id", 2)))
                .isInstanceOf(StoreReachability.Unreachable.class).isInstanceOf(MongoTimeoutException.class)
                .hasMessageContaining("unreachable");
        assertThatThrownBy(() -> items.find().first()).isInstanceOf(StoreReachability.Unreachable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("refused without waiting for the 20 s selection timeout").isLessThan(Duration.ofSeconds(10));

        server = start(port);
        await("operations work again without a new client").atMost(Duration.ofSeconds(15))
                .ignoreExceptionsInstanceOf(MongoTimeoutException.class)
                .until(() -> items.insertOne(new Document("_id", 3)).wasAcknowledged());
        assertThat(reachability.unreachable()).isFalse();
        assertThat(items.countDocuments()).as("the memory backend started empty: only the write after the return")
                                          .isEqualTo(1);
    }

    @Test
    void unreachableOnlyWhenEveryKnownServerFailed() {
        StoreReachability reachability = new StoreReachability();
        ClusterDescription starting = cluster(server("a", ServerConnectionState.CONNECTING, false));
        ClusterDescription electing = cluster(server("a", ServerConnectionState.CONNECTING, true),
                                              secondary("b"), server("c", ServerConnectionState.CONNECTING, true));
        ClusterDescription allFailed = cluster(server("a", ServerConnectionState.CONNECTING, true),
                                               server("b", ServerConnectionState.CONNECTING, true));

        change(reachability, starting);
        assertThat(reachability.unreachable()).as("not checked yet: operations wait for it").isFalse();
        change(reachability, electing);
        assertThat(reachability.unreachable()).as("a secondary answers while a primary is elected").isFalse();
        assertThat(reachability.select(electing)).isEqualTo(electing.getServerDescriptions());
        change(reachability, allFailed);
        assertThat(reachability.unreachable()).isTrue();
        assertThatThrownBy(() -> reachability.select(allFailed)).isInstanceOf(StoreReachability.Unreachable.class)
                .hasMessageContaining("refused");
        change(reachability, cluster(secondary("a")));
        assertThat(reachability.unreachable()).isFalse();
    }

    private static void change(StoreReachability reachability, ClusterDescription next) {
        reachability.clusterDescriptionChanged(new ClusterDescriptionChangedEvent(new ClusterId(), next, EMPTY));
    }

    private static ClusterDescription cluster(ServerDescription... servers) {
        return new ClusterDescription(ClusterConnectionMode.MULTIPLE, ClusterType.REPLICA_SET, List.of(servers));
    }

    private static ServerDescription server(String host, ServerConnectionState state, boolean failed) {
        ServerDescription.Builder server = ServerDescription.builder().address(new ServerAddress(host, 27017))
                                                            .state(state);
        if (failed) {
            server.exception(new MongoSocketOpenException("Connection refused", new ServerAddress(host, 27017)));
        }
        return server.build();
    }

    private static ServerDescription secondary(String host) {
        return ServerDescription.builder().address(new ServerAddress(host, 27017)).ok(true)
                                .state(ServerConnectionState.CONNECTED).type(ServerType.REPLICA_SET_SECONDARY).build();
    }

    private EmbeddedMongoServer start(int port) {
        server = EmbeddedMongoServer.start(Backend.MEMORY, data, "127.0.0.1", port, null);
        return server;
    }
}
