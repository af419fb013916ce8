package org.manfadh.capacity;

/** How an SOP audit found one checklist item. */
public enum AuditResult {
    MET, PARTLY, NOT_MET, NOT_APPLICABLE
}
