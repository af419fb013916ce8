package org.manfadh.capacity;

/** The procedures a border point follows. */
public enum SopKind {
    PRIMARY_INSPECTION, SECONDARY_INSPECTION, REFERRAL, REFUSAL, HEALTH_SCREENING, GROUP_PROCESSING, OUTAGE_FALLBACK, VULNERABLE_PERSONS, OTHER
}
