package io.tandem.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers a missing or wrong credential with 401, a {@code WWW-Authenticate} challenge and a problem document. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper mapper;
    private final boolean bearerEnabled;

    ProblemAuthenticationEntryPoint(ObjectMapper mapper, boolean bearerEnabled) {
        this.mapper = mapper;
        this.bearerEnabled = bearerEnabled;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tandem\", charset=\"UTF-8\"");
        if (bearerEnabled) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, exception instanceof OAuth2AuthenticationException
                    ? "Bearer realm=\"tandem\", error=\"invalid_token\"" : "Bearer realm=\"tandem\"");
        }
        String detail = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "Sign in to use the API: HTTP Basic" + (bearerEnabled ? " or a bearer token." : ".")
                : "The credentials are not valid.";
        Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, detail), mapper);
    }
}
