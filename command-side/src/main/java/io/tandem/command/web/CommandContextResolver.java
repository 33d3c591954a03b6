package io.tandem.command.web;

import io.tandem.support.logging.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds the {@link CommandContext} of a request from the principal and the request headers. */
class CommandContextResolver implements HandlerMethodArgumentResolver {

    static final String CORRELATION_HEADER = CorrelationIds.HEADER;
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CommandContext.class.equals(parameter.getParameterType());
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String correlationId = correlationId(request);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        if (response != null) {
            response.setHeader(CORRELATION_HEADER, correlationId);
        }
        return new CommandContext(actor(), correlationId, request.getHeader(IDEMPOTENCY_HEADER),
                expectedVersion(request.getHeader("If-Match")));
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("A command reached the API without an authenticated principal");
        }
        return authentication.getName();
    }

    /** The id the request's log lines carry (chosen by the correlation filter), so events and logs match. */
    private static String correlationId(HttpServletRequest request) {
        return CorrelationIds.of(request)
                .or(() -> CorrelationIds.fromHeader(request.getHeader(CORRELATION_HEADER)))
                .orElseThrow(() -> new MalformedHeaderException(
                        "X-Correlation-Id must be 1 to 100 characters of letters, digits and . _ : -"));
    }

    /** {@code "N"} or {@code N} is version N; {@code *} or no header means "whatever is current". */
    static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.trim());
        if (!matcher.matches() || header.trim().startsWith("\"") != header.trim().endsWith("\"")) {
            throw new MalformedHeaderException("If-Match must be one version, such as \"3\" (the ETag of an answer).");
        }
        return Long.parseLong(matcher.group(1));
    }
}
