package io.tandem.support.personaldata;

/**
 * A customer's personal data as a person reads it. It exists only in memory: in MongoDB it is stored sealed
 * ({@link io.tandem.events.SealedContact}) under the customer's key.
 *
 * @param name  the customer's name, or null
 * @param email the customer's e-mail address, or null
 */
public record CustomerContact(String name, String email) {
}
