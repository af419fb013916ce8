package org.manfadh.bordercontrol;

/** A crossing's health part as officers and supervisors see it: the details are the health officer's alone. */
public enum HealthStatus {
    /** Screened, or decided by a health officer, and free to be admitted. */
    CLEARED,
    /** Held for health until a health officer decides. */
    HOLD
}
