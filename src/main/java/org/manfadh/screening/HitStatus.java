package org.manfadh.screening;

/** Where a recorded hit stands: waiting for a supervisor, cleared by the officer, or adjudicated. */
public enum HitStatus {
    /** A supervisor has yet to decide on it; the traveller cannot be admitted meanwhile. */
    OPEN,
    /** A possible match the officer saw and decided on at the booth. */
    CLEARED_BY_OFFICER,
    /** A supervisor confirmed it: the list's action applies. */
    TRUE_MATCH,
    /** A supervisor found the traveller is not the listed person or document. */
    FALSE_POSITIVE;

    /** The status a supervisor's verdict gives a hit. */
    public static HitStatus of(Verdict verdict) {
        return switch (verdict) {
            case TRUE_MATCH -> TRUE_MATCH;
            case FALSE_POSITIVE -> FALSE_POSITIVE;
        };
    }

    /** A supervisor has decided on it; it takes no second verdict. */
    public boolean adjudicated() {
        return this == TRUE_MATCH || this == FALSE_POSITIVE;
    }
}
