package org.manfadh.platform.web;

import java.util.List;
import java.util.Map;

import org.manfadh.platform.LoggableFailures;
import org.manfadh.platform.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as problem+json with a stable type: a client's mistake is a 4xx that
 * says what to fix, never a stack trace; an unexpected failure is a 500 that says nothing internal.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Spring MVC's own problems (a missing parameter, an unsupported body type …) get stable types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            FrameworkProblems.typed(problem, ex);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ApiProblems.detail(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid request",
                "The request has invalid fields.");
        List<Map<String, Object>> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.<String, Object>of("field", e.getField(),
                        "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage()))
                .toList();
        problem.setProperty("fields", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        if (field != null) {
            ProblemDetail problem = ApiProblems.detail(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid request",
                    "The request has invalid fields.");
            problem.setProperty("fields", List.of(Map.of("field", field,
                    "message", "has a value of the wrong type or not among those allowed")));
            return ResponseEntity.badRequest().body(problem);
        }
        ProblemDetail problem = ApiProblems.detail(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                "The request body is missing or is not valid JSON of the expected shape.");
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON path of the value that could not be read ({@code visa.type}), or null for malformed JSON. */
    private static String fieldOf(HttpMessageNotReadableException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.exc.StreamReadException) {
                return null;
            }
            if (t instanceof tools.jackson.core.JacksonException json && !json.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.core.JacksonException.Reference r : json.getPath()) {
                    if (r.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        path.append('[').append(r.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    /** A service's refusal, as problem+json: the kind sets the status, the code the type. */
    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
        ProblemDetail problem = Rejections.problem(rejection);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String allowed = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? " Allowed: " + String.join(", ", java.util.Arrays.stream(ex.getRequiredType().getEnumConstants())
                        .map(Object::toString).toList()) + "."
                : "";
        ProblemDetail problem = ApiProblems.detail(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "Parameter '" + ex.getName() + "' cannot be '" + ex.getValue() + "'." + allowed);
        problem.setProperty("parameter", ex.getName());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiProblems.detail(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your account's roles do not allow this request."));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
        log.error("Request failed unexpectedly", LoggableFailures.of(ex));
        ProblemDetail problem = ApiProblems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The server could not complete the request. It has been logged.");
        return ResponseEntity.internalServerError().body(problem);
    }
}
