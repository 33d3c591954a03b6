package io.tandem.command.common;

/**
 * The command itself is invalid regardless of state: missing rationale, blank or too long title, position
 * out of range (HTTP 400).
 */
public class InvalidCommandException extends RuntimeException {

    /** Creates the exception with a human-readable detail that may be shown to the client. */
    public InvalidCommandException(String message) {
        super(message);
    }
}
