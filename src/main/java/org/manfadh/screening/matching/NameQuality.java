package org.manfadh.screening.matching;

/** How much a listed name can be trusted, in the UN list's terms. */
public enum NameQuality {
    /** The entry's own name, as the list gives it. */
    PRIMARY,
    /** The entry's name in its original script (Arabic, Persian, …). */
    ORIGINAL_SCRIPT,
    /** A "good quality" alias: a name the person is known to use. */
    STRONG_ALIAS,
    /** A "low quality" alias: a nickname or a loose spelling; matches count for less. */
    WEAK_ALIAS
}
