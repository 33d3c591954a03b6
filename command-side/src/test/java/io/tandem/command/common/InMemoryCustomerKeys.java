package io.tandem.command.common;

import io.tandem.support.personaldata.CustomerKeys;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Customer keys in memory, for command tests that run without MongoDB. */
public final class InMemoryCustomerKeys implements CustomerKeys {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] getOrCreate(String keyId) {
        return keys.computeIfAbsent(keyId, id -> {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            return key;
        });
    }

    @Override
    public Optional<byte[]> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public Map<String, byte[]> findAll(Collection<String> keyIds) {
        Map<String, byte[]> found = new HashMap<>();
        keyIds.forEach(id -> find(id).ifPresent(key -> found.put(id, key)));
        return found;
    }

    @Override
    public boolean destroy(String keyId) {
        return keys.remove(keyId) != null;
    }

    /** Whether a key exists under the id. */
    public boolean has(String keyId) {
        return keys.containsKey(keyId);
    }
}
