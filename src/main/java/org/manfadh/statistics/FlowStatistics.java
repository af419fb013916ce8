package org.manfadh.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The flows the caller may see: the border points of their jurisdiction, and those of the other
 * authority when it shares its aggregates. Counted from the rollups, never from the raw crossings;
 * a voided crossing is never counted.
 */
public interface FlowStatistics {

    /** A table of flows; a client's mistake (an unknown dimension value, a range the wrong way round) is a Rejection. */
    FlowTable flows(FlowQuery query, String username);

    /**
     * Travellers still in Iraq past their last legal day on the day given, by nationality and by
     * the authority (and border point) of their last entry.
     */
    FlowTable overstayers(LocalDate asOf, List<Dimension> by, String username, boolean shared);
}
