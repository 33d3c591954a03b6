package io.tandem.command.common;

/**
 * The command is well-formed but breaks a business rule in the current state, e.g. revoking the last
 * product manager or rescheduling a dropped roadmap item (HTTP 409).
 */
public class RuleViolationException extends RuntimeException {

    /** Creates the exception with a human-readable detail that may be shown to the client. */
    public RuleViolationException(String message) {
        super(message);
    }
}
