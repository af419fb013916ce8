package org.manfadh.capacity;

/** Where a premises upgrade stands. */
public enum ProjectStatus {
    PLANNED, IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED
}
