package io.tandem.command.common;

/**
 * The version the client decided on ({@code If-Match}) is not the current aggregate version (HTTP 412).
 */
public class StaleVersionException extends RuntimeException {

    /** Creates the exception with a human-readable detail that may be shown to the client. */
    public StaleVersionException(String message) {
        super(message);
    }
}
