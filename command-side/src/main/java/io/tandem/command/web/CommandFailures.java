package io.tandem.command.web;

import io.tandem.support.problem.Problems;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.tandem.command.common.ForbiddenException;
import io.tandem.command.common.InvalidCommandException;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.StaleVersionException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Maps what a command handler (or the store behind it) threw to the problem the client sees. */
final class CommandFailures {

    static final String NOT_FOUND_DETAIL = "The product or item does not exist, or you are not a member of the product.";

    private CommandFailures() {
    }

    /** The problem for an already unwrapped exception, or empty when it is not a known failure. */
    static Optional<ProblemDetail> toProblem(Throwable cause) {
        return Optional.ofNullable(problemOrNull(cause));
    }

    private static ProblemDetail problemOrNull(Throwable cause) {
        if (cause instanceof MalformedHeaderException) {
            return Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, cause.getMessage());
        }
        if (cause instanceof NotFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, detail(cause, NOT_FOUND_DETAIL));
        }
        if (cause instanceof AggregateNotFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, NOT_FOUND_DETAIL);
        }
        if (cause instanceof ForbiddenException) {
            return Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                    detail(cause, "Your role in this product does not allow this decision."));
        }
        if (cause instanceof InvalidCommandException) {
            return Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, detail(cause, "The command is invalid."));
        }
        if (cause instanceof RuleViolationException) {
            return Problems.of(HttpStatus.CONFLICT, Problems.BUSINESS_RULE,
                    detail(cause, "The command breaks a business rule."));
        }
        if (cause instanceof StaleVersionException) {
            return Problems.of(HttpStatus.PRECONDITION_FAILED, Problems.PRECONDITION_FAILED,
                    detail(cause, "The version in If-Match is not the current version."));
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
            return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT,
                    "Someone else changed the same item at the same moment. Reload and try again.");
        }
        if (cause instanceof TimeoutException || cause instanceof MongoTimeoutException
                || cause instanceof MongoSocketException) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                    "The command could not be completed in time. Retry with the same Idempotency-Key.");
        }
        return null;
    }

    private static String detail(Throwable cause, String fallback) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? fallback : message;
    }
}
