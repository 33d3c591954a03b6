package io.tandem.command.web;

import io.tandem.support.problem.Problems;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The request body exceeded the configured limit while it was being read (HTTP 413). */
public class PayloadTooLargeException extends IOException {

    private final long limitBytes;

    /** Creates the exception for a body over {@code limitBytes}. */
    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than the limit of " + limitBytes + " bytes.");
        this.limitBytes = limitBytes;
    }

    /** The 413 problem to answer with. */
    public ProblemDetail toProblem() {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, getMessage());
    }

    /** The limit that was exceeded. */
    public long limitBytes() {
        return limitBytes;
    }
}
