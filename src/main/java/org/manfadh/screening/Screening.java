package org.manfadh.screening;

import java.util.Optional;
import java.util.UUID;

import org.manfadh.referencedata.Authority;

/** Checks travellers against every list in force, and keeps the hits of screened crossings. */
public interface Screening {

    /** A check on its own (a look-up by an officer or a script): nothing is stored. */
    ScreeningResult check(ScreeningSubject subject);

    /** A check against the lists an authority screens against (every list when authority is null). */
    ScreeningResult check(ScreeningSubject subject, Authority authority);

    /**
     * Screens a crossing about to be recorded and stores the result and its hits, in the caller's
     * transaction; once for each crossing (a second screening of the same crossing is refused by
     * the store). Matches a supervisor cleared as false positives for this traveller before, with
     * neither the entry nor the traveller's data changed since, are suppressed.
     *
     * @param possibleMatchesReviewed the officer saw the possible matches and decided on them;
     *        they are stored as cleared by that officer. Hits always wait for a supervisor.
     * @param borderPoint the code of the border point where the crossing happens: its hits are shown
     *        to supervisors whose jurisdiction covers it
     */
    ScreeningResult screenCrossing(UUID crossingId, UUID travellerId, ScreeningSubject subject,
            boolean possibleMatchesReviewed, String officer, String borderPoint);

    /** The stored screening of a crossing, with its hits as they stand. */
    Optional<ScreeningResult> screeningOf(UUID crossingId);

    /** What stops the crossing's traveller from being admitted, if anything. */
    Optional<AdmissionBar> admissionBar(UUID crossingId);
}
