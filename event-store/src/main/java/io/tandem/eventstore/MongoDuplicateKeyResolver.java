package io.tandem.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises MongoDB unique-index violations (error code 11000) anywhere in the cause chain, so that Axon turns them
 * into a {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for a first event).
 */
public class MongoDuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateInBatchException) {
                return true;
            }
            if (cause instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream().anyMatch(
                    error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return true;
            }
            if (cause instanceof MongoServerException server
                    && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    /** Two events of one append share a stream key or an event identifier: nothing was written. */
    static class DuplicateInBatchException extends RuntimeException {
        DuplicateInBatchException(String message) {
            super(message);
        }
    }
}
