package org.manfadh.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request under {@code /api} that no operation takes — an unknown path, a method the path does
 * not take, a body or an answer type it cannot handle — is answered as problem+json like every
 * other error of the API. Spring MVC raises these before any controller is chosen, so the API's own
 * handler (which serves the API's controllers only) never sees them. Elsewhere (the screens) the
 * error goes on to the error page as before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmatchedApiRequests {

    static final String API = "/api/";

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> unmatched(Exception ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ErrorResponse error = (ErrorResponse) ex;
        if (!request.getRequestURI().startsWith(request.getContextPath() + API)) {
            // As Spring MVC's default resolver does: the status (and Allow or Accept header), then the error page.
            error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.sendError(error.getStatusCode().value());
            return null;
        }
        ProblemDetail problem = error.getBody();
        if (ex instanceof NoResourceFoundException) {
            problem.setTitle("Not found");
            problem.setDetail("No operation of the API answers " + request.getMethod() + " "
                    + request.getRequestURI() + ". The operations are listed in /v3/api-docs.");
        }
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                .body(FrameworkProblems.typed(problem, ex));
    }
}
