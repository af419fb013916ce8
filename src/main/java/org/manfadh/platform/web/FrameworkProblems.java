package org.manfadh.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Stable problem types for the errors Spring MVC finds on its own (no such path, a method the path
 * does not take, a body or answer type it cannot handle), which it would otherwise leave untyped
 * ({@code about:blank}): clients branch on the type whoever raised the error.
 */
final class FrameworkProblems {

    private static final URI BLANK = URI.create("about:blank");

    private FrameworkProblems() {
    }

    /** The problem's own type, or one from the exception and status when it has none. */
    static ProblemDetail typed(ProblemDetail problem, Exception ex) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            problem.setType(ApiProblems.type(typeOf(ex, HttpStatusCode.valueOf(problem.getStatus()))));
        }
        return problem;
    }

    static String typeOf(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case NoResourceFoundException e -> "not-found";
            case NoHandlerFoundException e -> "not-found";
            case HttpRequestMethodNotSupportedException e -> "method-not-allowed";
            case HttpMediaTypeNotAcceptableException e -> "not-acceptable";
            case HttpMediaTypeNotSupportedException e -> "unsupported-media-type";
            case MissingRequestValueException e when status.value() == 400 -> "missing-parameter";
            case MaxUploadSizeExceededException e -> "content-too-large";
            default -> switch (status.value()) {
                case 400 -> "bad-request";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "content-too-large";
                case 415 -> "unsupported-media-type";
                case 503 -> "unavailable";
                default -> status.is5xxServerError() ? "internal-error" : "bad-request";
            };
        };
    }
}
