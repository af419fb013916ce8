package org.manfadh.screening;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Screens crossings that are recorded in bulk (a paper register's backlog typed in after an outage,
 * a predecessor system's export) exactly as a booth's crossing is screened: every list in force,
 * each list's thresholds, suppression of the false positives a supervisor cleared for the traveller.
 * Each screening and its hits are stored as {@link Screening#screenCrossing} stores them, so that a
 * hit waits for a supervisor like any other; only the writing is done in bulk.
 */
public interface BulkScreening {

    /**
     * One crossing to screen.
     *
     * @param screenedAt when the crossing was recorded: its screening belongs to that moment
     * @param officer    who recorded the crossing
     */
    record Subject(UUID crossingId, UUID travellerId, ScreeningSubject subject, String officer, String borderPoint,
                   Instant screenedAt) {
    }

    /**
     * Screens every crossing and stores the results, in the caller's transaction (which must be
     * active): all stored or, with the transaction, none. No possible match counts as reviewed by
     * an officer. Each crossing is screened once; a crossing screened before is refused by the store.
     *
     * @return each crossing's screening by crossing id
     */
    Map<UUID, ScreeningResult> screenCrossings(List<Subject> crossings);
}
