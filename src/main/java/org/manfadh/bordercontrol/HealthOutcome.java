package org.manfadh.bordercontrol;

/**
 * What a health screening at the booth leads to. Anything but {@link #CLEARED} holds the traveller for health:
 * the crossing stays referred, and no one admits it until a health officer decides.
 */
public enum HealthOutcome {
    CLEARED,
    /** A secondary health assessment at the point of entry. */
    SECONDARY,
    /** Referred to a named health facility. */
    REFERRED,
    /** Isolated at the point of entry's facility. */
    ISOLATED;

    /** Whether the traveller waits for a health officer's decision. */
    public boolean holds() {
        return this != CLEARED;
    }
}
