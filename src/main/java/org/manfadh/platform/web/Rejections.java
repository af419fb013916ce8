package org.manfadh.platform.web;

import java.io.IOException;

import org.manfadh.platform.Rejection;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * How a service's {@link Rejection} is answered: the one place a refusal's kind becomes an HTTP
 * status. The API answers problem+json ({@link ApiExceptionHandler}); a screen that does not catch
 * a refusal itself shows the error page with the status, as it would for any other client error.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class Rejections {

    public static HttpStatus status(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
    }

    /** The refusal as problem+json: type from its code, the fields at fault and its further facts. */
    public static ProblemDetail problem(Rejection rejection) {
        ProblemDetail problem = ApiProblems.detail(status(rejection.kind()), rejection.code(), rejection.title(),
                rejection.detail());
        if (!rejection.fields().isEmpty()) {
            problem.setProperty("fields", rejection.fields());
        }
        rejection.facts().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(Rejection.class)
    void onScreen(Rejection rejection, HttpServletResponse response) throws IOException {
        response.sendError(status(rejection.kind()).value(), rejection.detail());
    }
}
