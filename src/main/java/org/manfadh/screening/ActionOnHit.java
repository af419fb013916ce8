package org.manfadh.screening;

/** What the officer is told to do when a traveller matches an entry of the list. */
public enum ActionOnHit {
    /** Send the traveller to secondary inspection. */
    REFER,
    /** Refuse the crossing (after a human confirms the hit). */
    REFUSE,
    /** Admit, and notify whoever the entry names. */
    NOTIFY_AND_ADMIT,
    /** Admit and record the crossing for the list's owner. */
    MONITOR
}
