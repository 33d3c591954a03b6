package io.tandem.eventstore;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import org.bson.Document;

/** What the connected server can do, asked once at start-up. */
final class ServerCapabilities {

    private ServerCapabilities() {
    }

    /** Replica set members and mongos routers run multi-document transactions; standalone servers do not. */
    static boolean supportsTransactions(MongoClient client) {
        Document hello;
        try {
            hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
        } catch (MongoCommandException unknownCommand) {
            hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
        }
        return hello.containsKey("setName") || "isdbgrid".equals(hello.getString("msg"));
    }
}
