package org.manfadh.screening;

import java.util.UUID;

/**
 * A supervisor decided on a hit. Published inside the adjudication's transaction, so that what
 * follows from it (a refusal when the list says so) is recorded with it or not at all.
 *
 * @param verdict TRUE_MATCH or FALSE_POSITIVE
 * @param actionOnHit the list's action: REFER, REFUSE, NOTIFY_AND_ADMIT or MONITOR
 * @param listKind the list's kind, e.g. TRAVEL_BAN
 * @param notifyOnHit who the entry says is to be told of a true match, or null
 * @param openHitsLeft hits of the same crossing still awaiting a decision
 */
public record HitAdjudicated(UUID hitId, UUID crossingId, UUID entryId, UUID listId, String verdict,
        String actionOnHit, String listKind, String notifyOnHit, String note, String supervisor, int openHitsLeft) {
}
