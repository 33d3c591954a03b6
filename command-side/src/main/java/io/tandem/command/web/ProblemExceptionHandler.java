package io.tandem.command.web;

import io.tandem.support.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the command API as {@code application/problem+json} with a stable {@code type}: Spring MVC's own
 * exceptions (via {@link ResponseEntityExceptionHandler}), the domain's exceptions after unwrapping what Axon put
 * around them, and a generic 500 without internals for everything else.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);


    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleCommandFailure(Exception exception, WebRequest request) {
        Throwable cause = Causes.unwrap(exception);
        ProblemDetail problem = CommandFailures.toProblem(cause).orElseGet(() -> {
            log.error("Unexpected failure on {}", describe(request), exception);
            return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
                    "An unexpected error occurred. It has been logged.");
        });
        if (problem.getStatus() >= 500 && problem.getStatus() != 500) {
            log.warn("Command on {} failed: {}", describe(request), cause.toString());
        }
        return problemResponse(problem, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = Causes.find(exception, PayloadTooLargeException.class);
        if (tooLarge.isPresent()) {
            return problemResponse(tooLarge.get().toProblem(), headers, request);
        }
        return problemResponse(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                UnreadableBodies.detail(exception)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return problemResponse(validation(errors), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return problemResponse(validation(errors), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : exception instanceof ErrorResponse response
                        ? response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())
                        : ProblemDetail.forStatus(status);
        if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem.setDetail(problem.getTitle() != null ? problem.getTitle() : "The request failed.");
        }
        problem.setType(Problems.type(Problems.kindOf(status.value())));
        if (status.is5xxServerError()) {
            log.error("Unexpected failure on {}", describe(request), exception);
            problem.setDetail("An unexpected error occurred. It has been logged.");
        }
        return problemResponse(problem, headers, request);
    }

    private static ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return problem;
    }

    private ResponseEntity<Object> problemResponse(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (problem.getInstance() == null && servletRequest != null) {
            problem.setInstance(URI.create(servletRequest.getRequestURI()));
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(Problems.asMap(problem), responseHeaders, problem.getStatus());
    }

    private static String describe(WebRequest request) {
        return request.getDescription(false);
    }
}
