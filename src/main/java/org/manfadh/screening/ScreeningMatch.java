package org.manfadh.screening;

import java.util.List;
import java.util.UUID;

/**
 * One list entry the traveller resembles, with why.
 *
 * @param level HIT or POSSIBLE_MATCH, by the list's own thresholds
 * @param hitId the recorded hit awaiting adjudication, when the match came from screening a crossing
 * @param hitStatus OPEN, CLEARED_BY_OFFICER, TRUE_MATCH or FALSE_POSITIVE, for a recorded hit
 */
public record ScreeningMatch(UUID listId, String listName, String listKind, String actionOnHit, UUID entryId,
        String externalId, String name, double score, ScreeningOutcome level, String matchedOn,
        List<Explanation> explanation, UUID hitId, String hitStatus) {

    /** One feature's part in the score. */
    public record Explanation(String feature, double effect, String detail) {
    }

    public ScreeningMatch withHit(UUID id, String status) {
        return new ScreeningMatch(listId, listName, listKind, actionOnHit, entryId, externalId, name, score, level,
                matchedOn, explanation, id, status);
    }
}
