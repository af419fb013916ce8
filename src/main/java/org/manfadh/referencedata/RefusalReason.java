package org.manfadh.referencedata;

import java.util.Objects;

/**
 * A standard reason for refusing entry or exit.
 *
 * @param appliesTo the crossings the reason may be given for
 */
public record RefusalReason(String code, Applies appliesTo, String labelEn, String labelAr, String labelCkb) {

    /** Which crossings a reason may be given for. */
    public enum Applies {
        ENTRY,
        EXIT,
        BOTH;

        public boolean entry() {
            return this != EXIT;
        }

        public boolean exit() {
            return this != ENTRY;
        }
    }

    public RefusalReason {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z]")) {
            throw new IllegalArgumentException("A refusal reason code is one letter: " + code);
        }
        Objects.requireNonNull(appliesTo, "appliesTo");
    }

    /** A reason as a file or a row spells it: {@code appliesTo} is ENTRY, EXIT or BOTH. */
    public RefusalReason(String code, String appliesTo, String labelEn, String labelAr, String labelCkb) {
        this(code, applies(appliesTo), labelEn, labelAr, labelCkb);
    }

    private static Applies applies(String text) {
        for (Applies a : Applies.values()) {
            if (a.name().equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("appliesTo is ENTRY, EXIT or BOTH: " + text);
    }

    public boolean appliesToEntry() {
        return appliesTo.entry();
    }

    public boolean appliesToExit() {
        return appliesTo.exit();
    }

    /**
     * Whether the reason may be given for a crossing in this direction, named as the crossing's
     * module names it ({@code ENTRY} or {@code EXIT}); no other direction takes any reason.
     */
    public boolean appliesTo(String direction) {
        return switch (direction) {
            case "ENTRY" -> appliesToEntry();
            case "EXIT" -> appliesToExit();
            case null, default -> false;
        };
    }
}
