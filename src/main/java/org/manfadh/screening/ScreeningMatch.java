package org.manfadh.screening;

import java.util.List;
import java.util.UUID;

/**
 * One list entry the traveller resembles, with why.
 *
 * @param level HIT or POSSIBLE_MATCH, by the list's own thresholds
 * @param hitId the recorded hit awaiting adjudication, when the match came from screening a crossing
 * @param hitStatus where the recorded hit stands, for a match from screening a crossing
 */
public record ScreeningMatch(UUID listId, String listName, WatchlistKind listKind, ActionOnHit actionOnHit, UUID entryId,
        String externalId, String name, double score, ScreeningOutcome level, String matchedOn,
        List<Explanation> explanation, UUID hitId, HitStatus hitStatus) {

    /**
     * One feature's part in the score: {@code detail} says it in English for the API and the logs;
     * {@code code}, {@code values} and {@code nameParts} say it as data, for a screen to render in its
     * own language (see {@code org.manfadh.screening.matching.Contribution} for the codes). Records
     * stored before the codes existed have only the detail.
     */
    public record Explanation(String feature, double effect, String detail, String code, List<String> values,
                              List<NamePart> nameParts) {

        public Explanation {
            values = values == null ? List.of() : List.copyOf(values);
            nameParts = nameParts == null ? List.of() : List.copyOf(nameParts);
        }

        public Explanation(String feature, double effect, String detail) {
            this(feature, effect, detail, null, List.of(), List.of());
        }
    }

    /**
     * One part of the traveller's name and the listed part it was paired with (none when {@code listed}
     * is null): how alike (0 to 1), why ({@code how}: SAME, SAME_SOUND, SPELLING, SHORTENED, READING,
     * LETTER_BY_LETTER, NOT_LISTED) and which key of the index found it ({@code foundBy}: SAME_TEXT,
     * CONSONANTS, CONSONANT_CLASSES, ONE_LETTER_APART, BEGINNING, COMPARED, NONE).
     */
    public record NamePart(String traveller, String listed, double similarity, String how, String foundBy) {
    }

    public ScreeningMatch withHit(UUID id, HitStatus status) {
        return new ScreeningMatch(listId, listName, listKind, actionOnHit, entryId, externalId, name, score, level,
                matchedOn, explanation, id, status);
    }

    /** A recorded hit that waits for a supervisor's verdict. */
    public boolean awaitsAdjudication() {
        return hitId != null && hitStatus == HitStatus.OPEN;
    }
}
