package org.manfadh.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Who sent records from another node, as headquarters knows it from the credential, not from the
 * records: the node the credential is bound to, the border point it speaks for, the latest time a
 * record may carry (headquarters' clock and its tolerance), and who works at that border point's post
 * with which roles ({@code rolesThere}: the names of an account's roles there, none when headquarters
 * does not send the account to that post). A post's record is one it could have made through its own
 * API only within these.
 */
public record Provenance(UUID node, String borderPoint, Instant notAfter, Function<String, Set<String>> rolesThere,
                         String notAfterText) {

    public Provenance {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(borderPoint, "borderPoint");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(rolesThere, "rolesThere");
        Objects.requireNonNull(notAfterText, "notAfterText");
    }

    /** {@code notAfterText}: the latest time as PostgreSQL writes a UTC time, to the second. */
    public Provenance(UUID node, String borderPoint, Instant notAfter, Function<String, Set<String>> rolesThere) {
        this(node, borderPoint, notAfter, rolesThere, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                .format(notAfter.atOffset(java.time.ZoneOffset.UTC)));
    }

    /**
     * Why a row that is new here is not the sender's own: made under another node's id; empty when it is.
     */
    public java.util.Optional<String> notMadeBySender(JsonNode row, String what) {
        return notMadeBySender(row, what, Set.of());
    }

    /**
     * Why a row that is new here is not the sender's own: made under another node's id, or naming a
     * person (the named fields, when set) who does not work at the sender's post with one of the roles
     * that may make such a row there; empty when it is.
     */
    public java.util.Optional<String> notMadeBySender(JsonNode row, String what, Set<String> roles, String... people) {
        if (!node.toString().equals(text(row, "node_id"))) {
            return java.util.Optional.of(what + " " + text(row, "id") + " was made by node " + text(row, "node_id")
                    + ", not by the sending node " + node);
        }
        for (String field : people) {
            java.util.Optional<String> why = notAllowed(text(row, field), roles)
                    .map(w -> what + " " + text(row, "id") + " names " + field + " " + w);
            if (why.isPresent()) {
                return why;
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Why this person (when named) could not have made a record needing one of these roles at the sender's
     * post, in words that follow their name: not working there, or not with such a role; empty when they could.
     */
    public java.util.Optional<String> notAllowed(String person, Set<String> roles) {
        if (person == null) {
            return java.util.Optional.empty();
        }
        Set<String> held = rolesThere.apply(person);
        if (held.isEmpty()) {
            return java.util.Optional.of("'" + person + "', who does not work at " + borderPoint);
        }
        if (held.stream().noneMatch(roles::contains)) {
            return java.util.Optional.of("'" + person + "', who may not make it at " + borderPoint + " (it takes "
                    + String.join(" or ", new java.util.TreeSet<>(roles)) + ")");
        }
        return java.util.Optional.empty();
    }

    /** Why a row is dated later than the sender could have made it (the named fields, when set); empty when it is not. */
    public java.util.Optional<String> datedAhead(JsonNode row, String what, String... times) {
        for (String field : times) {
            String value = text(row, field);
            if (value == null) {
                continue;
            }
            // As PostgreSQL writes a UTC time, the text sorts as the time does: most rows need no parse.
            if (value.length() >= 25 && value.endsWith("+00:00") && value.charAt(10) == 'T'
                    && value.substring(0, 19).compareTo(notAfterText) < 0) {
                continue;
            }
            Instant at;
            try {
                at = java.time.OffsetDateTime.parse(value).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.of(what + " " + text(row, "id") + " has no valid " + field);
            }
            if (at.isAfter(notAfter)) {
                return java.util.Optional.of(what + " " + text(row, "id") + " is dated " + field + " " + value
                        + ", in the future");
            }
        }
        return java.util.Optional.empty();
    }

    /** A field of an exported row as text; null when absent or null. */
    public static String text(JsonNode row, String field) {
        JsonNode value = row == null ? null : row.get(field);
        return value == null || value.isNull() ? null : value.asString().strip();
    }

    /** A field's text as a UUID; null when it is not one. */
    public static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A record the sender could not have made: its index among the records checked, and why, in words. */
    public record Foreign(int index, String why) {
    }
}
