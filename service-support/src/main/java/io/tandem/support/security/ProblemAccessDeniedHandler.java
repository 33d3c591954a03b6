package io.tandem.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers a request the security rules refuse with 403 and a problem document. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ObjectMapper mapper;

    ProblemAccessDeniedHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        Problems.write(request, response,
                Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "You may not access this resource."), mapper);
    }
}
