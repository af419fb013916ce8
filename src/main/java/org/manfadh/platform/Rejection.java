package org.manfadh.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the domain will not carry out, and why: the kind of refusal, a stable code that
 * clients branch on, a title and a detail for people, the fields at fault and any further facts
 * ({@code problems}, {@code line}, {@code seq} …). Services throw it and know nothing of HTTP;
 * only {@code web} packages turn it into problem+json or a screen's message. Nothing has been
 * written when it is thrown.
 */
public final class Rejection extends RuntimeException {

    /** What kind of refusal it is; each web package maps a kind to one HTTP status. */
    public enum Kind {
        /** The request is malformed or has invalid fields (400). */
        INVALID,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** What the request names does not exist, or is out of the caller's sight (404). */
        NOT_FOUND,
        /** The request clashes with what is recorded (409). */
        CONFLICT,
        /** Well formed, but the rules do not allow it (422). */
        UNPROCESSABLE,
        /** The request's content is larger than allowed (413). */
        TOO_LARGE,
        /** The request's content is of a type not accepted (415). */
        UNSUPPORTED_TYPE
    }

    /** A field of a request and what is wrong with it. */
    public record Field(String field, String message) {
        public Field {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<Field> fields;
    private final Map<String, Object> facts;

    private Rejection(Kind kind, String code, String title, String detail, List<Field> fields,
                      Map<String, Object> facts) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.title = Objects.requireNonNull(title, "title");
        this.fields = List.copyOf(fields);
        this.facts = Map.copyOf(facts);
    }

    public static Rejection of(Kind kind, String code, String title, String detail) {
        return new Rejection(kind, code, title, detail, List.of(), Map.of());
    }

    /** The request has invalid fields, each named with what is wrong with it. */
    public static Rejection invalidFields(List<Field> fields) {
        return new Rejection(Kind.INVALID, "invalid-fields", "Invalid request", "The request has invalid fields.",
                fields, Map.of());
    }

    /** One invalid field. */
    public static Rejection invalidField(String field, String message) {
        return invalidFields(List.of(new Field(field, message)));
    }

    public static Rejection invalid(String code, String detail) {
        return of(Kind.INVALID, code, "Invalid request", detail);
    }

    public static Rejection conflict(String code, String detail) {
        return of(Kind.CONFLICT, code, "Conflict", detail);
    }

    public static Rejection forbidden(String detail) {
        return of(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static Rejection notFound(String what, String detail) {
        return of(Kind.NOT_FOUND, "not-found", what + " not found", detail);
    }

    public static Rejection unprocessable(String code, String title, String detail) {
        return of(Kind.UNPROCESSABLE, code, title, detail);
    }

    /** The same refusal with one more fact for the client ({@code problems}, {@code line} …). */
    public Rejection with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        return new Rejection(kind, code, title, getMessage(), fields, more);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code a client branches on, e.g. {@code id-conflict}. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Field> fields() {
        return fields;
    }

    /** Further facts, by name, in the order they were added. */
    public Map<String, Object> facts() {
        return facts;
    }
}
