package io.tandem.support.personaldata;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * One AES-256 key per customer of a product, by key id ({@link #keyId}). Destroying a key is the erasure: whatever
 * was sealed with it can no longer be opened.
 */
public interface CustomerKeys {

    /** Key length in bytes (AES-256). */
    int KEY_BYTES = 32;

    /** The key id of a customer of a product. */
    static String keyId(String productId, String customerReference) {
        return productId + "/" + customerReference;
    }

    /** The customer's key, created on first use; two racing creators end up with the same key. */
    byte[] getOrCreate(String keyId);

    /** The key, unless it was never created or has been destroyed. */
    Optional<byte[]> find(String keyId);

    /** The keys that still exist among {@code keyIds}, by key id. */
    Map<String, byte[]> findAll(Collection<String> keyIds);

    /** Destroys the key; answers whether there was one. */
    boolean destroy(String keyId);
}
