package org.manfadh.screening;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lists for other parts of Manfadh, screening checks first among them. Matching itself is the
 * {@link org.manfadh.screening.matching.WatchlistIndex}: it holds every entry in force and names
 * the list of each match; this says what the list means. List lookups are answered from memory.
 */
public interface Watchlists {

    Optional<WatchlistSummary> find(UUID listId);

    /** Every list, by name. */
    List<WatchlistSummary> all();

    Optional<WatchlistEntrySummary> entry(UUID entryId);
}
