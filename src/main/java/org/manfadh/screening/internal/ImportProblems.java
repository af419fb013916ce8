package org.manfadh.screening.internal;

import org.manfadh.platform.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Why a list file was refused, with where: the line (and column) of a CSV, the line and element
 * path of an XML file. An import that fails changes nothing, so these say so.
 */
final class ImportProblems {

    static final String NOTHING_CHANGED = " Nothing was imported.";

    private ImportProblems() {
    }

    /** The file cannot be read as its format: not well-formed XML, a CSV row of the wrong length, a missing column. */
    static ErrorResponseException malformed(String detail, Long line, String where) {
        return located(HttpStatus.BAD_REQUEST, "malformed-list-file", "Malformed list file", detail, line, where);
    }

    /** The file reads, but an entry in it is wrong: a bad date or country code, no name. */
    static ErrorResponseException invalidEntry(String detail, Long line, String where) {
        return located(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-list-entry", "Invalid list entry", detail, line, where);
    }

    static ErrorResponseException empty(String detail) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "empty-list-file", "Empty list file", detail + NOTHING_CHANGED);
    }

    private static ErrorResponseException located(HttpStatus status, String type, String title, String detail,
                                                  Long line, String where) {
        ErrorResponseException e = ApiProblems.problem(status, type, title, detail + NOTHING_CHANGED);
        if (line != null && line > 0) {
            e.getBody().setProperty("line", line);
        }
        if (where != null) {
            e.getBody().setProperty(where.startsWith("/") ? "element" : "column", where);
        }
        return e;
    }
}
