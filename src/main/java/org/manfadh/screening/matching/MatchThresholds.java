package org.manfadh.screening.matching;

/**
 * Recommended scores at which a check raises an alert, for lists that set none of their own. The
 * matcher only scores; what a score means is decided per list, outside it. The values were chosen
 * on the evaluation in {@code NameMatchingAccuracyTests}: at {@link #DEFAULT_POSSIBLE} nearly every
 * listed person is found under any spelling while few ordinary travellers are held; at
 * {@link #DEFAULT_HIT} a match is all but certain.
 */
public final class MatchThresholds {

    /** A match an officer must resolve before the traveller passes. */
    public static final double DEFAULT_HIT = 0.9;

    /** A possible match, shown to the officer with its explanation. */
    public static final double DEFAULT_POSSIBLE = 0.78;

    private MatchThresholds() {
    }
}
