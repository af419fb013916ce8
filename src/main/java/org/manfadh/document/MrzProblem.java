package org.manfadh.document;

import java.util.Objects;

/**
 * One problem found in a machine readable zone.
 *
 * @param code     what is wrong
 * @param field    the result field it concerns ({@code documentNumber}, {@code dateOfBirth},
 *                 {@code composite}, {@code mrz} for the zone as a whole ...)
 * @param message  a sentence for the officer, in English; screens translate by {@code code}
 * @param line     the 1-based line it was found on, or null when it concerns no single line
 * @param position the 1-based character position in that line, or null
 */
public record MrzProblem(MrzProblemCode code, String field, String message, Integer line, Integer position) {

    public MrzProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    static MrzProblem of(MrzProblemCode code, String field, String message) {
        return new MrzProblem(code, field, message, null, null);
    }

    static MrzProblem at(MrzProblemCode code, String field, int line, int position, String message) {
        return new MrzProblem(code, field, message, line + 1, position + 1);
    }
}
