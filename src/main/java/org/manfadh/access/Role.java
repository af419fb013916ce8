package org.manfadh.access;

/** What a user may do. A user holds one or more roles. */
public enum Role {
    OFFICER,
    SUPERVISOR,
    ANALYST,
    WATCHLIST_MANAGER,
    HEALTH_OFFICER,
    CAPACITY_MANAGER,
    ADMIN,
    /** A border post node signing in to headquarters to synchronise. */
    NODE
}
