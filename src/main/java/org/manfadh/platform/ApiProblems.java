package org.manfadh.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems with stable types, for controllers to throw. The type URI names the kind of
 * problem; clients branch on it, never on the human-readable detail.
 */
public final class ApiProblems {

    public static final String TYPE_PREFIX = "urn:manfadh:problem:";

    private ApiProblems() {
    }

    public static URI type(String name) {
        return URI.create(TYPE_PREFIX + name);
    }

    public static ErrorResponseException notFound(String what, String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", what + " not found", detail);
    }

    public static ErrorResponseException badRequest(String type, String detail) {
        return problem(HttpStatus.BAD_REQUEST, type, "Invalid request", detail);
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, detail(status, type, title, detail), null);
    }

    /** The problem body itself, for handlers that write the response. */
    public static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }
}
