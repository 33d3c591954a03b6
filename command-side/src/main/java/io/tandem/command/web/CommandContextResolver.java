package io.tandem.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
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

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CommandContext.class.equals(parameter.getParameterType());
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String correlationId = correlationId(request.getHeader(CORRELATION_HEADER));
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

    private static String correlationId(String header) {
        if (header == null || header.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        if (!CORRELATION_ID.matcher(header).matches()) {
            throw new MalformedHeaderException(
                    "X-Correlation-Id must be 1 to 100 characters of letters, digits and . _ : -");
        }
        return header;
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
