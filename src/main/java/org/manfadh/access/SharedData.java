package org.manfadh.access;

/**
 * What the two authorities may read of each other's records, as configured in
 * {@code manfadh.access.shared-between-authorities} (a comma-separated list, empty by default). A
 * kind that is shared is visible across authorities to accounts whose jurisdiction is a whole
 * authority (headquarters); accounts narrowed to governorates or border points still see only those.
 */
public enum SharedData {
    /** Crossings and the travellers they belong to (crossing lists and reads, traveller reads and search). */
    CROSSINGS,
    /** Overstayers, by the border point of their last entry. */
    OVERSTAYS,
    /** Watchlist hits of screened crossings. */
    HITS,
    /** Counted flows and overstayers (the statistics module's tables): never a traveller, only counts. */
    AGGREGATES
}
