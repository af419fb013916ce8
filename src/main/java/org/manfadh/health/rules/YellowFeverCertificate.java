package org.manfadh.health.rules;

/** What a traveller shows of the yellow fever vaccination certificate (IHR Annex 7). */
public enum YellowFeverCertificate {
    VALID, INVALID, NONE;

    /** Whether it fails a rule that asks for the certificate. */
    public boolean missing() {
        return this != VALID;
    }
}
