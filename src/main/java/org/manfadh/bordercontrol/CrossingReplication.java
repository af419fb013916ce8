package org.manfadh.bordercontrol;

import java.util.Optional;
import java.util.UUID;

/**
 * A crossing as one self-contained record for another node: its traveller and document, visa and
 * group, the crossing itself, every decision and every amendment, all under the ids and node id the
 * recording node gave them. Applying a record is idempotent: what is already there stays as it is.
 */
public interface CrossingReplication {

    /** The crossing and everything it references, as a JSON object; empty when there is no such crossing. */
    Optional<String> export(UUID crossingId);

    /** Inserts what of an exported crossing is not here yet, in the caller's transaction. */
    void apply(String exported);
}
