package org.manfadh.screening;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What became of crossings' watchlist hits, one status a crossing: a confirmed match above all, then
 * a hit still open, then one found false, then one the officer cleared at the booth. A crossing
 * without hits is not in the answer.
 */
public interface HitOutcomes {

    Map<UUID, HitStatus> of(Collection<UUID> crossingIds);
}
