package org.manfadh.screening;

/** Where a change waiting for a second watchlist manager stands. */
public enum PendingChangeStatus {
    PENDING,
    APPROVED,
    WITHDRAWN
}
