package io.tandem.query.web;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.tandem.support.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the query API as {@code application/problem+json} with the same stable {@code type}s as the command
 * side: not-found (also for products the caller is not a member of), validation for bad query parameters, 503
 * unavailable while the store cannot be reached, Spring MVC's own errors by status, and a 500 without internals for
 * anything unexpected.
 */
@RestControllerAdvice
class QueryProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemHandler.class);


    @ExceptionHandler(ProductNotFoundException.class)
    ResponseEntity<Object> notFound(ProductNotFoundException exception, WebRequest request) {
        return problemResponse(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, exception.getMessage()),
                new HttpHeaders(), request);
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Object> invalidQuery(InvalidQueryException exception, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, exception.getMessage());
        problem.setProperty("errors", exception.errors());
        return problemResponse(problem, new HttpHeaders(), request);
    }

    /** The store unreachable or too slow to pick a server: a 503 the client may retry, not an unexpected failure. */
    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<Object> storeUnavailable(MongoException exception, WebRequest request) {
        log.warn("Store unavailable on {}: {}", request.getDescription(false), exception.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return problemResponse(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                "The store cannot be reached right now. Retry in a moment."), headers, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        log.error("Unexpected failure on {}", request.getDescription(false), exception);
        return problemResponse(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
                "An unexpected error occurred. It has been logged."), new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : exception instanceof ErrorResponse response
                        ? response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())
                        : ProblemDetail.forStatus(status);
        problem.setType(Problems.type(Problems.kindOf(status.value())));
        if (status.is5xxServerError()) {
            log.error("Unexpected failure on {}", request.getDescription(false), exception);
            problem.setDetail("An unexpected error occurred. It has been logged.");
        } else if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem.setDetail(problem.getTitle() != null ? problem.getTitle() : "The request failed.");
        }
        return problemResponse(problem, headers, request);
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem, HttpHeaders headers,
            WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (problem.getInstance() == null && servletRequest != null) {
            problem.setInstance(URI.create(servletRequest.getRequestURI()));
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(Problems.asMap(problem), responseHeaders, problem.getStatus());
    }
}
