package org.manfadh.screening;

/** Where a list entry stands: waiting for a second manager, in the list, or taken off it (the row stays). */
public enum EntryStatus {
    PENDING,
    ACTIVE,
    REMOVED
}
