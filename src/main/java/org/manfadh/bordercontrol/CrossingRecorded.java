package org.manfadh.bordercontrol;

import java.util.UUID;

/**
 * A crossing was recorded, decided, corrected or voided. Published inside the transaction that
 * wrote it, so that a listener writing in the same transaction (the synchronisation outbox) commits
 * or rolls back with the record.
 */
public record CrossingRecorded(UUID crossingId) {

    public CrossingRecorded {
        if (crossingId == null) {
            throw new IllegalArgumentException("crossingId is required");
        }
    }
}
