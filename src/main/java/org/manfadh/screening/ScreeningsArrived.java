package org.manfadh.screening;

import java.util.List;
import java.util.UUID;

/**
 * Screenings, hits or verdicts of these crossings came by synchronisation from another node.
 * Published inside the transaction that applied them; a crossing may be named again.
 */
public record ScreeningsArrived(List<UUID> crossingIds) {

    public ScreeningsArrived {
        crossingIds = List.copyOf(crossingIds);
    }
}
