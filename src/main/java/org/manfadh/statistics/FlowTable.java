package org.manfadh.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A counted table of flows: a row per period and combination of the dimensions asked for that has
 * at least one crossing, and the total. In a shared table a small cell, and whatever would give it
 * away, has no count and is marked suppressed.
 *
 * @param total null when suppressed itself (a shared table whose total is below the threshold)
 */
public record FlowTable(List<Dimension> by, Interval interval, List<Row> rows, Long total, boolean shared,
                        int threshold) {

    public FlowTable {
        by = List.copyOf(by);
        rows = List.copyOf(rows);
    }

    /**
     * @param period the first day of the period (for hours, the day), null for {@code Interval.NONE}
     * @param hour   the hour of the border's clock for {@code Interval.HOUR}, otherwise null
     * @param values the dimensions' values, keyed and ordered as asked
     * @param count  null when suppressed
     */
    public record Row(LocalDate period, Integer hour, Map<Dimension, String> values, Long count, boolean suppressed) {
    }
}
