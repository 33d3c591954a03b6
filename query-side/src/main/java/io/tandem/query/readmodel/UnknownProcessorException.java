package io.tandem.query.readmodel;

/** There is no query-side processor of that name. */
public class UnknownProcessorException extends RuntimeException {

    UnknownProcessorException(String name) {
        super("There is no processor " + name + "; processors: " + String.join(", ",
                ReadModels.COLLECTIONS.keySet().stream().sorted().toList()) + ".");
    }
}
