package org.manfadh.screening;

/** What a watchlist holds; lost and stolen documents are documents, every other kind persons and entities. */
public enum WatchlistKind {
    NATIONAL_ALERT,
    TRAVEL_BAN,
    LOST_STOLEN_DOCUMENTS,
    SANCTIONS,
    OTHER;

    public boolean holdsDocuments() {
        return this == LOST_STOLEN_DOCUMENTS;
    }
}
