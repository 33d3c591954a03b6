package io.tandem.support.logging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * The correlation id of a request: the client's {@code X-Correlation-Id} when well-formed, otherwise one made up for
 * it. {@link CorrelationIdFilter} chooses it once per request and puts it into the logging MDC; the command side
 * copies the same id into the events' metadata, from where the query side logs it while handling them.
 */
public final class CorrelationIds {

    /** The request and response header. */
    public static final String HEADER = "X-Correlation-Id";
    /** The MDC key of log lines and the event metadata key. */
    public static final String KEY = "correlationId";

    static final String REQUEST_ATTRIBUTE = CorrelationIds.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    /**
     * The id for a request with this header: the header itself, a new UUID when there is none, empty when the header
     * is malformed (not 1 to 100 letters, digits and {@code . _ : -}).
     */
    public static Optional<String> fromHeader(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            return Optional.of(UUID.randomUUID().toString());
        }
        return WELL_FORMED.matcher(header).matches() ? Optional.of(header) : Optional.empty();
    }

    /** The id {@link CorrelationIdFilter} chose for this request; empty when it chose none. */
    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(REQUEST_ATTRIBUTE));
    }
}
