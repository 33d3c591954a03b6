package io.tandem.command.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs a request that claimed its idempotency key and settles the key: COMPLETED with the answer after a success,
 * released after a refusal. A refused command appended nothing (Axon rolls back the unit of work of a command that
 * failed), so releasing is safe for every non-2xx answer.
 */
final class IdempotentExecution {

    private static final Logger log = LoggerFactory.getLogger(IdempotentExecution.class);

    private final IdempotencyStore store;
    private final String id;

    IdempotentExecution(IdempotencyStore store, String id) {
        this.store = store;
        this.id = id;
    }

    void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException e) {
            settle(() -> store.release(id));
            throw e;
        }
        int status = captured.getStatus();
        if (status >= 200 && status < 300) {
            String body = new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8);
            settle(() -> store.complete(id, new StoredResponse(status, body, version(captured))));
        } else {
            settle(() -> store.release(id));
        }
        captured.copyBodyToResponse();
    }

    private void settle(Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            log.error("Could not settle idempotency record {}; it stays PENDING until the pending timeout", id, e);
        }
    }

    private static Long version(HttpServletResponse response) {
        String etag = response.getHeader(HttpHeaders.ETAG);
        if (etag == null) {
            return null;
        }
        String digits = etag.replace("\"", "");
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : null;
    }
}
