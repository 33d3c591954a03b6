package io.tandem.support.personaldata;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Customer keys in collection {@value #COLLECTION}: {@code _id} = key id ({@code productId/customerReference}),
 * {@code key} (32 random bytes), {@code createdAt}. Every access is an {@code _id} lookup; destroying deletes the
 * document.
 */
public final class MongoCustomerKeys implements CustomerKeys {

    /** The key collection. */
    public static final String COLLECTION = "customer_keys";

    private final MongoCollection<Document> keys;
    private final SecureRandom random = new SecureRandom();

    public MongoCustomerKeys(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    @Override
    public byte[] getOrCreate(String keyId) {
        Optional<byte[]> existing = find(keyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            keys.insertOne(new Document("_id", keyId).append("key", new Binary(key)).append("createdAt", new Date()));
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return find(keyId).orElseThrow(() -> e); // a racing creator won: use its key
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> find(String keyId) {
        return Optional.ofNullable(keys.find(eq("_id", keyId)).first()).map(MongoCustomerKeys::bytes);
    }

    @Override
    public Map<String, byte[]> findAll(Collection<String> keyIds) {
        Map<String, byte[]> found = new HashMap<>();
        if (!keyIds.isEmpty()) {
            keys.find(in("_id", keyIds)).forEach(d -> found.put(d.getString("_id"), bytes(d)));
        }
        return found;
    }

    @Override
    public boolean destroy(String keyId) {
        return keys.deleteOne(eq("_id", keyId)).getDeletedCount() > 0;
    }

    private static byte[] bytes(Document document) {
        return document.get("key", Binary.class).getData();
    }
}
