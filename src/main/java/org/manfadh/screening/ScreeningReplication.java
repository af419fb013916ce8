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
}
