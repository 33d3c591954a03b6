package io.tandem.support.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.events.SealedContact;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals customers' contact details with their own key and opens them again, until the customer is forgotten.
 *
 * <p>AES-256-GCM with a random 96-bit nonce per sealing; the key id ({@code productId/customerReference}) is the
 * associated data, so a sealed contact opens only as the customer it was sealed for. {@link #forget} destroys the
 * key: every copy of the ciphertext — in events, read models, snapshots, backups — is unreadable from then on.
 */
public final class PersonalDataVault {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CustomerKeys keys;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(CustomerKeys keys) {
        this.keys = keys;
    }

    /** Seals the contact under the customer's key (created on first use). */
    public SealedContact seal(String productId, String customerReference, CustomerContact contact) {
        String keyId = CustomerKeys.keyId(productId, customerReference);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.getOrCreate(keyId), nonce, keyId);
            byte[] sealed = cipher.doFinal(mapper.writeValueAsBytes(contact));
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedContact(base64.encodeToString(nonce), base64.encodeToString(sealed));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot seal personal data", e);
        }
    }

    /** The contact, or empty when the customer was forgotten (key destroyed) or the seal does not open. */
    public Optional<CustomerContact> open(String productId, String customerReference, SealedContact sealed) {
        String keyId = CustomerKeys.keyId(productId, customerReference);
        return keys.find(keyId).flatMap(key -> open(key, keyId, sealed));
    }

    /**
     * Opens many sealed contacts of one product with one key lookup; contacts of forgotten customers are missing from
     * the answer, which is keyed like {@code sealed} (by any caller-chosen id, e.g. the feedback id).
     */
    public <K> Map<K, CustomerContact> openAll(String productId, Map<K, Customer> sealed) {
        Collection<String> keyIds = sealed.values().stream()
                .map(customer -> CustomerKeys.keyId(productId, customer.reference())).distinct().toList();
        Map<String, byte[]> found = keys.findAll(keyIds);
        Map<K, CustomerContact> opened = new HashMap<>();
        sealed.forEach((id, customer) -> {
            String keyId = CustomerKeys.keyId(productId, customer.reference());
            Optional.ofNullable(found.get(keyId)).flatMap(key -> open(key, keyId, customer.contact()))
                    .ifPresent(contact -> opened.put(id, contact));
        });
        return opened;
    }

    /** Destroys the customer's key; answers whether there was one. */
    public boolean forget(String productId, String customerReference) {
        return keys.destroy(CustomerKeys.keyId(productId, customerReference));
    }

    /** A sealed contact and the reference of the customer it belongs to. */
    public record Customer(String reference, SealedContact contact) {
    }

    private Optional<CustomerContact> open(byte[] key, String keyId, SealedContact sealed) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, base64.decode(sealed.nonce()), keyId);
            byte[] plain = cipher.doFinal(base64.decode(sealed.ciphertext()));
            return Optional.of(mapper.readValue(plain, CustomerContact.class));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return Optional.empty(); // sealed under an older, destroyed key of the same reference, or tampered with
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
