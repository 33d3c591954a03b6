package io.tandem.query.web;

import java.util.List;
import java.util.Map;

/** One or more query parameters are malformed or out of range; answered as a 400 validation problem. */
class InvalidQueryException extends RuntimeException {

    private final List<Map<String, String>> errors;

    InvalidQueryException(List<Map<String, String>> errors) {
        super("The request has " + errors.size() + " invalid parameter(s).", null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** Each invalid parameter as {@code {"field": name, "message": why}}. */
    List<Map<String, String>> errors() {
        return errors;
    }
}
