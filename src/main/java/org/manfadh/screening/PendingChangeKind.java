package org.manfadh.screening;

/** What a change waiting for a second watchlist manager would do: new settings, or an imported file's entries. */
public enum PendingChangeKind {
    SETTINGS,
    IMPORT
}
