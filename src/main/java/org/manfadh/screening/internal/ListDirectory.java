package org.manfadh.screening.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.screening.ActionOnHit;
import org.manfadh.screening.ListAuthority;
import org.manfadh.screening.WatchlistKind;

/** What screening needs to know about the lists and their entries beyond what the index holds. */
interface ListDirectory {

    /** A list as screening applies it. */
    record ListInfo(UUID id, String name, WatchlistKind kind, ActionOnHit actionOnHit, double hitThreshold,
                    double possibleMatchThreshold, ListAuthority authority) {
    }

    /**
     * An entry as a match shows it.
     *
     * @param fingerprint changes whenever the entry's content changes, so that a false positive
     *        cleared against one version of an entry is not suppressed against the next
     * @param notifyOnHit who is to be told of a true match, or null
     */
    record EntryInfo(UUID id, UUID listId, String externalId, String name, String notifyOnHit, String fingerprint) {
    }

    Optional<ListInfo> list(UUID listId);

    Map<UUID, EntryInfo> entries(Collection<UUID> entryIds);

    /** The lowest possible-match threshold of any list: below it, no match matters anywhere. */
    double lowestPossibleMatchThreshold();
}
