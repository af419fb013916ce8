package org.manfadh.screening;

import java.util.UUID;

/**
 * A supervisor decided on a hit. Published inside the adjudication's transaction, so that what
 * follows from it (a refusal when the list says so) is recorded with it or not at all.
 *
 * @param actionOnHit the list's action
 * @param listKind the list's kind
 * @param notifyOnHit who the entry says is to be told of a true match, or null
 * @param openHitsLeft hits of the same crossing still awaiting a decision
 */
public record HitAdjudicated(UUID hitId, UUID crossingId, UUID entryId, UUID listId, Verdict verdict,
        ActionOnHit actionOnHit, WatchlistKind listKind, String notifyOnHit, String note, String supervisor, int openHitsLeft) {
}
