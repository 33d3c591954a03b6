package io.tandem.command.common;

/**
 * The product or item does not exist, or the actor is not a member of the product. Members and non-members
 * get the same answer so that the existence of a product does not leak (HTTP 404).
 */
public class NotFoundException extends RuntimeException {

    /** Creates the exception with a human-readable detail that may be shown to the client. */
    public NotFoundException(String message) {
        super(message);
    }

    /** The one answer for an unknown id and for a product the actor is not a member of. */
    public static NotFoundException of(String id) {
        return new NotFoundException("nothing found with id " + id);
    }
}
