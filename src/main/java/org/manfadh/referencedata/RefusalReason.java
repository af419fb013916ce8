package org.manfadh.referencedata;

import java.util.Objects;

/**
 * A standard reason for refusing entry or exit.
 *
 * @param appliesTo {@code ENTRY}, {@code EXIT} or {@code BOTH}
 */
public record RefusalReason(String code, String appliesTo, String labelEn, String labelAr, String labelCkb) {

    public RefusalReason {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z]")) {
            throw new IllegalArgumentException("A refusal reason code is one letter: " + code);
        }
        if (!appliesTo.equals("ENTRY") && !appliesTo.equals("EXIT") && !appliesTo.equals("BOTH")) {
            throw new IllegalArgumentException("appliesTo is ENTRY, EXIT or BOTH: " + appliesTo);
        }
    }

    /** Whether the reason may be given for a crossing in this direction ({@code ENTRY} or {@code EXIT}). */
    public boolean appliesTo(String direction) {
        return appliesTo.equals("BOTH") || appliesTo.equals(direction);
    }
}
