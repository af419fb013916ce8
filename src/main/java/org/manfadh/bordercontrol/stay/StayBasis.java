package org.manfadh.bordercontrol.stay;

/** What a stay's limit comes from. */
public enum StayBasis {
    /** An Iraqi citizen: no limit, never an overstayer. */
    CITIZEN,
    /** A residence permit: the stay may last until the permit ends (plus its extensions). */
    RESIDENCE_PERMIT,
    /** A visa: its own permitted stay, or the rule for its type, and never past its validity. */
    VISA,
    /** No visa: the rule for the traveller's nationality without a visa. */
    RULE,
    /** Nothing gives a limit: no visa and no rule. The officer is told; it is never an overstay. */
    UNKNOWN;

    /**
     * Whether days spent on this basis count towards a rolling-window rule. Days as a resident or
     * as a citizen are not short stays, as in the Schengen rule; an unknown basis counts, so that
     * a missing record can only make the allowance smaller, never larger.
     */
    boolean countsTowardsRollingWindow() {
        return this == VISA || this == RULE || this == UNKNOWN;
    }
}
