package io.tandem.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import io.tandem.command.web.PayloadTooLargeException;
import io.tandem.support.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes commands with an {@code Idempotency-Key} safe to retry: the first request runs and its answer is stored;
 * a retry of the same request gets that answer back ({@code Idempotent-Replayed: true}) without running the command
 * again. Keys are per authenticated user. Runs after authentication, before Spring MVC.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMAND_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!KEY.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                    "Idempotency-Key must be 1 to 200 characters of letters, digits and . _ : -");
            return;
        }
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException e) {
            Problems.write(request, response, e.toProblem(), mapper);
            return;
        }
        String id = user.getName() + ":" + key;
        Attempt attempt;
        try {
            attempt = store.begin(id, RequestFingerprint.of(request.getMethod(), request.getRequestURI(), body));
        } catch (MongoException e) {
            log.warn("Idempotency store unavailable: {}", e.toString());
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                    "The command cannot be accepted right now. Retry with the same Idempotency-Key.");
            return;
        }
        if (attempt instanceof Attempt.Replay replay) {
            replay(response, replay.response());
        } else if (attempt instanceof Attempt.KeyReuse) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, Problems.IDEMPOTENCY_KEY_REUSE,
                    "This Idempotency-Key was already used for a different request. Use a new key.");
        } else if (attempt instanceof Attempt.InProgress inProgress) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, inProgress.retryAfter().toSeconds())));
            problem(request, response, HttpStatus.CONFLICT, Problems.CONFLICT,
                    "A request with this Idempotency-Key is still in progress. Retry later.");
        } else {
            new IdempotentExecution(store, id).run(new CachedBodyRequest(request, body), response, chain);
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.version() != null) {
            response.setHeader(HttpHeaders.ETAG, "\"" + stored.version() + "\"");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] bytes = stored.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind,
            String detail) throws IOException {
        Problems.write(request, response, Problems.of(status, kind, detail), mapper);
    }
}
