package org.manfadh.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A table of flows to count: the border's days {@code from} to {@code to} inclusive, counted per
 * {@code interval} and broken down by {@code by}, only what matches every filter (a dimension and
 * the values it may take). A shared table is for partners: its small cells are suppressed.
 */
public record FlowQuery(LocalDate from, LocalDate to, Interval interval, List<Dimension> by,
                        Map<Dimension, Set<String>> filters, boolean shared) {

    public FlowQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        by = List.copyOf(by);
        filters = Map.copyOf(filters);
    }
}
