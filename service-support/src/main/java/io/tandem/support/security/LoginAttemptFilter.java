package io.tandem.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an HTTP Basic attempt with 429 while its username or client address is limited ({@link LoginAttempts}),
 * before the password is checked; {@link #countingFailures} counts the attempts whose password was wrong.
 */
final class LoginAttemptFilter extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final ObjectMapper mapper;

    LoginAttemptFilter(LoginAttempts attempts, ObjectMapper mapper) {
        this.attempts = attempts;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!isBasic(authorization)) {
            chain.doFilter(request, response);
            return;
        }
        Duration wait = attempts.retryAfter(username(authorization), request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = LoginAttempts.seconds(wait);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED,
                "Too many failed sign-ins; try again in " + seconds + " seconds."), mapper);
    }

    /** The entry point HTTP Basic calls when a credential was refused: counts the failure, then answers 401. */
    static AuthenticationEntryPoint countingFailures(LoginAttempts attempts, AuthenticationEntryPoint answer) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (isBasic(authorization)) {
                attempts.failed(username(authorization), request.getRemoteAddr());
            }
            answer.commence(request, response, exception);
        };
    }

    private static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The username of a Basic credential, or {@code null} when it is malformed. */
    static String username(String authorization) {
        return BasicCredentials.decode(authorization.substring(6)).map(BasicCredentials::username).orElse(null);
    }
}
