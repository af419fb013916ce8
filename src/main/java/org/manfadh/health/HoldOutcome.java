package org.manfadh.health;

/**
 * A health officer's decision on a traveller held for health: cleared, or referred to a named facility, releases
 * the hold (the border decision is then the border officer's); isolation keeps it until a later decision.
 */
public enum HoldOutcome {
    CLEARED, REFERRED, ISOLATED;

    public boolean releases() {
        return this != ISOLATED;
    }
}
