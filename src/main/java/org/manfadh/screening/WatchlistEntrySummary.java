package org.manfadh.screening;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An entry as a hit shows it to the officer and records it.
 *
 * @param name the entry's primary name, or its document number for a document
 * @param inForce approved, not removed and not expired today
 * @param notifyOnHit who is notified of a hit, as the list gives it; null when nobody
 */
public record WatchlistEntrySummary(UUID id, UUID listId, String externalId, EntryKind kind, String name,
        boolean inForce, LocalDate expiresOn, String originatingAgency, String legalBasis, String notifyOnHit) {
}
