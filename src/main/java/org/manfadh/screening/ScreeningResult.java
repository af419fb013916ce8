package org.manfadh.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A screening: the outcome, the matches best first, and the matches left out because a
 * supervisor cleared them as false positives for this traveller before.
 *
 * @param id the stored screening's id, or null for a check that is not stored
 */
public record ScreeningResult(UUID id, ScreeningOutcome outcome, List<ScreeningMatch> matches,
        List<ScreeningMatch> suppressed, Instant screenedAt) {

    public ScreeningResult {
        matches = List.copyOf(matches);
        suppressed = List.copyOf(suppressed);
    }

    /** True when a hit waits for a supervisor or an officer has still to look. */
    public boolean needsReferral(boolean possibleMatchesReviewed) {
        return outcome == ScreeningOutcome.HIT
                || outcome == ScreeningOutcome.POSSIBLE_MATCH && !possibleMatchesReviewed;
    }
}
