package org.manfadh.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A hit of a screened crossing as the second line sees it: the match, where it stands and, once a
 * supervisor has decided, the verdict's author, time and note.
 *
 * @param level HIT or POSSIBLE_MATCH
 */
public record Hit(UUID id, UUID crossingId, UUID travellerId, UUID screeningId, UUID entryId, UUID listId,
                  ScreeningOutcome level, BigDecimal score, ActionOnHit actionOnHit, WatchlistKind listKind,
                  HitStatus status, ScreeningMatch match, Instant createdAt, String officer, String adjudicatedBy,
                  Instant adjudicatedAt, String note, String entryFingerprint, String subjectFingerprint,
                  String borderPoint) {
}
