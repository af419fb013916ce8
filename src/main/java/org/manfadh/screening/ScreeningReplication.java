package org.manfadh.screening;

import java.util.Optional;
import java.util.UUID;

/**
 * A crossing's screening as one self-contained record for another node: the screening, its hits,
 * their adjudications and the false positives cleared from them, under the ids and node id the
 * screening node gave them. Applying is idempotent: what is already there stays as it is.
 */
public interface ScreeningReplication {

    /** The screening of a crossing and all that hangs on it, as a JSON object; empty when it was not screened here. */
    Optional<String> exportOfCrossing(UUID crossingId);

    /** Inserts what of exported screenings (each as {@link #exportOfCrossing} gives it) is not here yet, in the caller's transaction. */
    void apply(java.util.List<tools.jackson.databind.JsonNode> records);

    /**
     * At headquarters, before {@link #apply}: the first of a post's screenings that the post could not have
     * made through its own API, or nothing. A screening must be of a crossing at the sender's border point
     * ({@code ownCrossings} answers which of the named crossings are), its hits of that crossing, and what is
     * new here made under the sender's node id, by people who work there, not dated in the future.
     */
    Optional<org.manfadh.platform.Provenance.Foreign> foreign(java.util.List<tools.jackson.databind.JsonNode> records,
            org.manfadh.platform.Provenance from,
            java.util.function.Function<java.util.Set<UUID>, java.util.Set<UUID>> ownCrossings);
}
