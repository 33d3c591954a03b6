package io.tandem.support.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Chooses the request's correlation id ({@link CorrelationIds#fromHeader}) and keeps it in the MDC under
 * {@value CorrelationIds#KEY} while the request is handled, so every log line of the request carries it. A malformed
 * header leaves the request without one (the command side then answers 400).
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> correlationId = CorrelationIds.fromHeader(request.getHeader(CorrelationIds.HEADER));
        if (correlationId.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(CorrelationIds.REQUEST_ATTRIBUTE, correlationId.get());
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIds.KEY, correlationId.get())) {
            chain.doFilter(request, response);
        }
    }
}
