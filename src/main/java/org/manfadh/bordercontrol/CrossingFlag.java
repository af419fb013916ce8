package org.manfadh.bordercontrol;

/**
 * What the officer must see about a crossing. A flag never stops a crossing from being recorded:
 * the register records reality and says what is unusual about it.
 */
public enum CrossingFlag {
    /** The document failed validation (a check digit, an impossible date) or has expired. */
    DOCUMENT_INVALID,
    /** Admitted on a failing document by a supervisor's override. */
    DOCUMENT_OVERRIDE,
    /** Recorded after the event (more than an hour late), with a reason. */
    LATE_RECORD,
    /** The document belongs to a traveller recognised by name, birth date and nationality, not by the document. */
    PROBABLE_IDENTITY_MATCH,
    MINOR,
    /** A minor with neither an accompanying adult nor a consent document recorded. */
    MINOR_UNACCOMPANIED,
    /** An exit with no recorded entry before it. */
    NO_ENTRY_RECORDED,
    /** An entry while the previous entry has no recorded exit. */
    NO_EXIT_RECORDED,
    /** An entry by a traveller who needs a visa and presented none and holds none valid. */
    MISSING_VISA,
    /** The visa is not valid at this authority's border points (for example a Kurdistan Region visa at a federal point). */
    VISA_NOT_VALID_HERE,
    /** The visa is not valid on the day of the crossing. */
    VISA_EXPIRED,
    /** The visa's validity has not begun on the day of the crossing. */
    VISA_NOT_YET_VALID,
    /** A rolling-window rule (such as 90 days in 180) leaves no days: the stay is over from the day of entry. */
    STAY_ALLOWANCE_USED_UP,
    /** The visa gives no permitted stay and no rule covers its type: the stay runs to the visa's end. */
    STAY_RULE_MISSING,
    /** More entries than the visa allows. */
    VISA_ENTRIES_EXHAUSTED,
    /** The visa number is already held by another traveller. */
    VISA_HELD_BY_ANOTHER_TRAVELLER,
    /** No visa and no rule gives this traveller a permitted stay. */
    STAY_UNKNOWN,
    /** The traveller stayed beyond the last legal day (shown at the exit, or at the next entry). */
    OVERSTAY,
    /** Screening found a hit: the crossing waits for a supervisor's adjudication. */
    WATCHLIST_HIT,
    /** Screening found a possible match: an officer has to look before admitting. */
    WATCHLIST_POSSIBLE_MATCH,
    /** Referred by screening although the officer asked for another decision. */
    REFERRED_BY_SCREENING
}
