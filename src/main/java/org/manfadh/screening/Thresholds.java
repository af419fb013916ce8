package org.manfadh.screening;

/**
 * The scores a list uses unless it sets its own: at or above {@link #DEFAULT_HIT} a match is a
 * hit, at or above {@link #DEFAULT_POSSIBLE_MATCH} a possible match for the officer to look at.
 * Provisional until the matcher has been tuned on labelled pairs.
 */
public final class Thresholds {

    public static final double DEFAULT_HIT = 0.85;
    public static final double DEFAULT_POSSIBLE_MATCH = 0.70;

    private Thresholds() {
    }
}
