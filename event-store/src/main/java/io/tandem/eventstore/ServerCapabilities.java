package io.tandem.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterType;
import org.bson.Document;

/** What the connected deployment can do, asked once at start-up. */
final class ServerCapabilities {

    private ServerCapabilities() {
    }

    /** Replica sets and sharded clusters run multi-document transactions; standalone servers do not. */
    static boolean supportsTransactions(MongoClient client) {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        ClusterType type = client.getClusterDescription().getType();
        return type == ClusterType.REPLICA_SET || type == ClusterType.SHARDED;
    }
}
