package org.manfadh.screening.internal;

import org.manfadh.platform.Rejection;

/**
 * Why a list file was refused, with where: the line (and column) of a CSV, the line and element
 * path of an XML file. An import that fails changes nothing, so these say so.
 */
final class ImportProblems {

    static final String NOTHING_CHANGED = " Nothing was imported.";

    private ImportProblems() {
    }

    /** The file cannot be read as its format: not well-formed XML, a CSV row of the wrong length, a missing column. */
    static Rejection malformed(String detail, Long line, String where) {
        return located(Rejection.Kind.INVALID, "malformed-list-file", "Malformed list file", detail, line, where);
    }

    /** The file reads, but an entry in it is wrong: a bad date or country code, no name. */
    static Rejection invalidEntry(String detail, Long line, String where) {
        return located(Rejection.Kind.UNPROCESSABLE, "invalid-list-entry", "Invalid list entry", detail, line, where);
    }

    static Rejection empty(String detail) {
        return Rejection.of(Rejection.Kind.INVALID, "empty-list-file", "Empty list file", detail + NOTHING_CHANGED);
    }

    private static Rejection located(Rejection.Kind kind, String code, String title, String detail, Long line,
                                     String where) {
        Rejection rejection = Rejection.of(kind, code, title, detail + NOTHING_CHANGED);
        if (line != null && line > 0) {
            rejection = rejection.with("line", line);
        }
        if (where != null) {
            rejection = rejection.with(where.startsWith("/") ? "element" : "column", where);
        }
        return rejection;
    }
}
