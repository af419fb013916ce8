package org.manfadh.screening;

import org.manfadh.screening.matching.MatchThresholds;

/**
 * The scores a list uses unless it sets its own: at or above {@link #DEFAULT_HIT} a match is a
 * hit, at or above {@link #DEFAULT_POSSIBLE_MATCH} a possible match for the officer to look at.
 * The matcher's recommended values, chosen on its accuracy evaluation.
 */
public final class Thresholds {

    public static final double DEFAULT_HIT = MatchThresholds.DEFAULT_HIT;
    public static final double DEFAULT_POSSIBLE_MATCH = MatchThresholds.DEFAULT_POSSIBLE;

    private Thresholds() {
    }
}
