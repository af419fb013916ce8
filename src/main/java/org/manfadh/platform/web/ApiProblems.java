package org.manfadh.platform.web;

import java.net.URI;
import java.util.List;

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

    /** A field of a request and what is wrong with it. */
    public record Field(String field, String message) {
    }

    /** 400 naming every field at fault; nothing has been written. */
    public static ErrorResponseException invalidFields(List<Field> fields) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid request",
                "The request has invalid fields.");
        e.getBody().setProperty("fields", fields);
        return e;
    }

    /** The fields a problem from {@link #invalidFields} names; none for any other problem. */
    public static List<Field> fields(ErrorResponseException e) {
        Object fields = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("fields");
        if (!(fields instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
    }

    public static ErrorResponseException conflict(String type, String detail) {
        return problem(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
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
