package org.manfadh.bordercontrol;

/** The outcome of an inspection. */
public enum Decision {
    ADMITTED,
    /** Sent to the second line; a final decision follows. */
    REFERRED,
    /** Refused, always with a standard reason code. */
    REFUSED,
    /** A group member whose document has been read, awaiting the group's decision. */
    PENDING
}
