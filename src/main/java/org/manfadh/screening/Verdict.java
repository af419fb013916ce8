package org.manfadh.screening;

/** A supervisor's verdict on a hit. */
public enum Verdict {
    /** The traveller is the listed person or document. */
    TRUE_MATCH,
    /** The traveller is not; the pair is not raised again while neither changes. */
    FALSE_POSITIVE
}
