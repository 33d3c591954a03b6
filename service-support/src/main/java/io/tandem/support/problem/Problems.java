package io.tandem.support.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 7807 problem kinds of the command API. Each kind has a stable {@code type} URI
 * ({@code urn:tandem:problem:<kind>}) that clients may switch on; the {@code detail} is for humans.
 *
 * <p>Also writes problems from servlet filters and security handlers, which run outside Spring MVC.
 */
public final class Problems {

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String BUSINESS_RULE = "business-rule";
    public static final String PRECONDITION_FAILED = "precondition-failed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String IDEMPOTENCY_KEY_REUSE = "idempotency-key-reuse";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL = "internal";

    private static final String TYPE_PREFIX = "urn:tandem:problem:";

    private static final Map<Integer, String> KIND_BY_STATUS = Map.ofEntries(
            Map.entry(400, MALFORMED_REQUEST),
            Map.entry(401, UNAUTHORIZED),
            Map.entry(403, FORBIDDEN),
            Map.entry(404, NOT_FOUND),
            Map.entry(405, METHOD_NOT_ALLOWED),
            Map.entry(406, NOT_ACCEPTABLE),
            Map.entry(409, CONFLICT),
            Map.entry(412, PRECONDITION_FAILED),
            Map.entry(413, PAYLOAD_TOO_LARGE),
            Map.entry(415, UNSUPPORTED_MEDIA_TYPE),
            Map.entry(429, RATE_LIMITED));

    private Problems() {
    }

    /** The kind of an error that only has an HTTP status (Spring MVC's own errors): 5xx are internal. */
    public static String kindOf(int status) {
        return KIND_BY_STATUS.getOrDefault(status, status >= 500 ? INTERNAL : MALFORMED_REQUEST);
    }

    /** The {@code type} URI of a kind. */
    public static URI type(String kind) {
        return URI.create(TYPE_PREFIX + kind);
    }

    /** A problem of the given kind with a human-readable detail. */
    public static ProblemDetail of(HttpStatus status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        return problem;
    }

    /** Writes the problem as {@code application/problem+json}, with the request path as its {@code instance}. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            ObjectMapper mapper) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The JSON members of a problem, independent of how an ObjectMapper was configured. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
