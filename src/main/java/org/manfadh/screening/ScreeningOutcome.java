package org.manfadh.screening;

/**
 * What a check says. An officer is alerted by POSSIBLE_MATCH and by HIT alike; only CLEAR lets a
 * traveller through without a look.
 */
public enum ScreeningOutcome {
    CLEAR,
    POSSIBLE_MATCH,
    HIT;

    public ScreeningOutcome atLeast(ScreeningOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
