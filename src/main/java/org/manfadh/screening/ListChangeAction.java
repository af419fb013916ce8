package org.manfadh.screening;

/** What made a list's version: each change to a list is one of these, logged with its version. */
public enum ListChangeAction {
    LIST_CREATED,
    SETTINGS_CHANGED,
    IMPORTED,
    ENTRY_PROPOSED,
    ENTRY_APPROVED,
    ENTRY_REMOVED
}
