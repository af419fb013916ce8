package org.manfadh.bordercontrol;

import java.util.List;
import java.util.UUID;

/**
 * Crossings came into the register in bulk, or changed there, without a booth: a backlog loaded, or
 * another node's crossings, decisions and amendments applied by synchronisation. Published inside
 * the transaction that wrote them, like {@link CrossingRecorded}; a crossing may be named again
 * after it had arrived before (a repeated transfer), so a listener treats it as "look again".
 */
public record CrossingsArrived(List<UUID> crossingIds) {

    public CrossingsArrived {
        crossingIds = List.copyOf(crossingIds);
    }
}
