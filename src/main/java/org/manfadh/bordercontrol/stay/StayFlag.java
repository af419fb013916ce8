package org.manfadh.bordercontrol.stay;

/** Something about a stay the officer should see. None of them stops a crossing being recorded. */
public enum StayFlag {
    /** Another entry followed without an exit in between: the stay is closed on that entry's day. */
    NO_EXIT_RECORDED,
    /** An exit without an open stay: the period has no entry and runs on the exit day only. */
    NO_ENTRY_RECORDED,
    /** The visa presented at entry had already expired on the entry day. */
    VISA_EXPIRED_AT_ENTRY,
    /** The visa presented at entry was not yet valid on the entry day. */
    VISA_NOT_YET_VALID_AT_ENTRY,
    /** The visa presented at entry is not among the traveller's visas; the stay ignores it. */
    VISA_NOT_ON_RECORD,
    /** More entries were made under the visa than it allows; this is one of the extra ones. */
    VISA_ENTRIES_EXHAUSTED,
    /** The visa names no permitted stay and no rule covers its type: the stay runs to its validity. */
    NO_STAY_RULE,
    /** Under a rolling-window rule, the window had no day left on the entry day. */
    ROLLING_ALLOWANCE_USED_UP,
    /** Neither a visa, a permit nor a rule gives this stay a limit. */
    UNKNOWN_STAY
}
