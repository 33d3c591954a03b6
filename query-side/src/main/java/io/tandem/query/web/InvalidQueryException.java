package io.tandem.query.web;

import java.util.List;
import java.util.Map;

/** One or more query parameters are malformed or out of range; answered as a 400 validation problem. */
public class InvalidQueryException extends RuntimeException {

    private final List<Map<String, String>> errors;

    InvalidQueryException(List<Map<String, String>> errors) {
        super("The request has " + errors.size() + " invalid parameter(s).", null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** One invalid parameter. */
    public static InvalidQueryException of(String field, String message) {
        return new InvalidQueryException(List.of(Map.of("field", field, "message", message)));
    }

    /** Each invalid parameter as {@code {"field": name, "message": why}}. */
    public List<Map<String, String>> errors() {
        return errors;
    }
}
