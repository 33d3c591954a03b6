package io.tandem.command.web;

import static com.mongodb.client.model.Sorts.ascending;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.bson.RawBsonDocument;

/**
 * The stored bytes of every collection of the store, hashed document by document in {@code _id} order: equal
 * fingerprints mean nothing was appended, changed or removed (events, snapshots, the sequence counter, idempotency
 * records, customer keys alike). An empty collection holds no bytes: one created on first use (with its indexes)
 * while holding nothing is not a change.
 */
final class StoreFingerprint {

    private StoreFingerprint() {
    }

    /** Collection name → "documents:sha256" of its documents' bytes, for every collection that holds any. */
    static Map<String, String> of(MongoDatabase database) {
        Map<String, String> fingerprint = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            MongoCollection<RawBsonDocument> collection = database.getCollection(name, RawBsonDocument.class);
            MessageDigest digest = sha256();
            int documents = 0;
            for (RawBsonDocument document : collection.find().sort(ascending("_id"))) {
                ByteBuffer bytes = document.getByteBuffer().asNIO();
                digest.update(bytes);
                documents++;
            }
            if (documents > 0) {
                fingerprint.put(name, documents + ":" + HexFormat.of().formatHex(digest.digest()));
            }
        }
        return fingerprint;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
