package io.tandem.command.web;

/** A request header the API interprets ({@code If-Match}, {@code X-Correlation-Id}) has the wrong shape (400). */
class MalformedHeaderException extends RuntimeException {

    MalformedHeaderException(String message) {
        super(message);
    }
}
