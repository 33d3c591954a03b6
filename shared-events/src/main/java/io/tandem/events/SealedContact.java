package io.tandem.events;

/**
 * A customer's contact details (name, e-mail) encrypted with that customer's own key (AES-256-GCM), so that the
 * immutable event can carry them and erasure can still make them unreadable: destroying the key (crypto-shredding)
 * leaves only ciphertext nobody can open. Both values are Base64.
 *
 * @param nonce      the 96-bit GCM nonce, unique per sealing
 * @param ciphertext the encrypted contact with its authentication tag
 */
public record SealedContact(String nonce, String ciphertext) {
}
