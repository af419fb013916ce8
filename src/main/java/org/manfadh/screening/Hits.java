package org.manfadh.screening;

import java.util.Optional;
import java.util.UUID;

import org.manfadh.access.ReadScope;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * The second line's hits: the queue of those awaiting a supervisor and the supervisor's verdict.
 * Only hits at border points in the caller's scope are seen; others are as if they did not exist.
 */
public interface Hits {

    /** Hits awaiting a decision at the border points in scope, oldest first: the second line's queue. */
    Page<Hit> openHits(PageRequest page, ReadScope scope);

    /** A hit, if its crossing's border point is in scope (hits stored without one: national accounts only). */
    Optional<Hit> hit(UUID hitId, ReadScope scope);

    /**
     * A supervisor's verdict on a hit: TRUE_MATCH, or FALSE_POSITIVE with a note (the caller checks
     * the note). Refused as not found out of scope, as a conflict once the hit has a verdict.
     */
    Hit adjudicate(UUID hitId, Verdict verdict, String note, String supervisor, ReadScope scope);
}
