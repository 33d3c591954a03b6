package io.tandem.command.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.messaging.HandlerExecutionException;

/** Looks through the wrappers that Axon, futures and reflection put around a handler's exception. */
final class Causes {

    private Causes() {
    }

    /** The first exception in the chain that is not a mere wrapper. */
    static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while (isWrapper(current) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    /** The first exception of the given type anywhere in the cause chain. */
    static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isWrapper(Throwable thrown) {
        return thrown instanceof HandlerExecutionException
                || thrown instanceof CompletionException
                || thrown instanceof ExecutionException
                || thrown instanceof UndeclaredThrowableException
                || thrown instanceof InvocationTargetException;
    }
}
