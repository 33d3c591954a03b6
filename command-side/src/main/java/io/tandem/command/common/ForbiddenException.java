package io.tandem.command.common;

/**
 * The actor is a member of the product but holds no role with the right to make this decision (HTTP 403).
 */
public class ForbiddenException extends RuntimeException {

    /** Creates the exception with a human-readable detail that may be shown to the client. */
    public ForbiddenException(String message) {
        super(message);
    }
}
