package org.manfadh.statistics.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;

/**
 * Disclosure control of a table of flows shared with partners: no count below the threshold is
 * shown, and none can be worked out from what is shown and from the table's margins.
 *
 * <p>The rows are the interior cells of a hypercube whose dimensions are the period (unless the
 * interval is {@code NONE}), the hour (for {@code HOUR}) and each dimension broken down by. Every
 * margin of it can be had from another query, so all are treated as published, and each margin is
 * suppressed exactly as that other query would suppress it. See {@link SuppressionPattern} for
 * how, and docs/STATISTICS.md ("Disclosure control") for what it does not protect against.
 */
public final class DisclosureControl {

    private static final String ABSENT = "\u0000";

    private DisclosureControl() {
    }

    /**
     * The table as it may be shared: suppressed rows keep their place with no count and marked
     * suppressed; the total is null when it is itself below the threshold.
     *
     * @param table     a counted table, no row suppressed yet
     * @param threshold the smallest count that may be shown, at least 1
     */
    public static FlowTable suppress(FlowTable table, int threshold) {
        Objects.requireNonNull(table, "table");
        Layout layout = new Layout(table);
        SuppressionPattern pattern = new SuppressionPattern(layout.cube, threshold);
        // A small count that no further suppression could protect (see SuppressionPattern.exposed): the table is
        // shared with none of its own cells, not even which combinations are empty, so that it tells no more than
        // its coarser tables, which are settled on their own and protect their cells.
        boolean withholdCells = !pattern.exposed().isEmpty();
        List<FlowTable.Row> rows = new ArrayList<>(table.rows().size());
        for (int i = 0; i < table.rows().size(); i++) {
            FlowTable.Row row = table.rows().get(i);
            boolean hidden = withholdCells || pattern.suppressed(layout.coordinates.get(i));
            rows.add(new FlowTable.Row(row.period(), row.hour(), row.values(), hidden ? null : row.count(), hidden));
        }
        java.util.Set<Coordinates> given = new java.util.HashSet<>(layout.coordinates);
        for (Coordinates cell : withholdCells ? layout.everyCell() : layout.cube.cells(layout.cube.full())) {
            if (layout.cube.count(cell) == 0 && (withholdCells || pattern.suppressed(cell)) && !given.contains(cell)) {
                rows.add(layout.row(table, cell));
            }
        }
        Coordinates total = new Coordinates(allOf(layout.cube.dimensions()));
        boolean totalHidden = pattern.suppressed(total);
        long sum = layout.cube.count(total);
        return new FlowTable(table.by(), table.interval(), rows, totalHidden ? null : sum, true, threshold);
    }

    /** The suppression pattern of a table with its margins, for the tests that attack it. */
    static SuppressionPattern pattern(FlowTable table, int threshold) {
        return new SuppressionPattern(new Layout(table).cube, threshold);
    }

    static int[] allOf(int dimensions) {
        int[] all = new int[dimensions];
        java.util.Arrays.fill(all, Coordinates.ALL);
        return all;
    }

    /** Where each row sits in the hypercube. */
    static final class Layout {

        final Hypercube cube;
        final List<Coordinates> coordinates = new ArrayList<>();
        final List<List<String>> domains = new ArrayList<>();

        Layout(FlowTable table) {
            List<List<String>> keys = new ArrayList<>();
            for (FlowTable.Row row : table.rows()) {
                if (row.count() == null || row.suppressed()) {
                    throw new IllegalArgumentException("The table is suppressed already");
                }
                keys.add(key(table, row));
            }
            int dimensions = axes(table);
            for (int d = 0; d < dimensions; d++) {
                TreeSet<String> values = new TreeSet<>();
                for (List<String> key : keys) {
                    values.add(key.get(d));
                }
                domains.add(List.copyOf(values));
            }
            Map<Coordinates, Long> interior = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                int[] indices = new int[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    indices[d] = java.util.Collections.binarySearch(domains.get(d), keys.get(i).get(d));
                }
                Coordinates cell = new Coordinates(indices);
                if (interior.put(cell, table.rows().get(i).count()) != null) {
                    throw new IllegalArgumentException("Two rows for the same cell: " + keys.get(i));
                }
                coordinates.add(cell);
            }
            cube = new Hypercube(domains.stream().mapToInt(List::size).toArray(), interior);
        }

        /** Every combination of the values the table has, each a cell of the cube whether it has a count or not. */
        List<Coordinates> everyCell() {
            List<Coordinates> cells = new ArrayList<>();
            int[] indices = new int[domains.size()];
            while (true) {
                cells.add(new Coordinates(indices.clone()));
                int d = indices.length - 1;
                while (d >= 0 && ++indices[d] == domains.get(d).size()) {
                    indices[d--] = 0;
                }
                if (d < 0) {
                    return cells;
                }
            }
        }

        /** The suppressed row of a combination with no crossings. */
        FlowTable.Row row(FlowTable table, Coordinates cell) {
            int axis = 0;
            java.time.LocalDate period = null;
            Integer hour = null;
            if (table.interval() != Interval.NONE) {
                period = java.time.LocalDate.parse(domains.get(axis).get(cell.at(axis++)));
            }
            if (table.interval() == Interval.HOUR) {
                hour = Integer.valueOf(domains.get(axis).get(cell.at(axis++)));
            }
            Map<Dimension, String> values = new java.util.LinkedHashMap<>();
            for (Dimension dimension : table.by()) {
                String value = domains.get(axis).get(cell.at(axis++));
                values.put(dimension, ABSENT.equals(value) ? null : value);
            }
            return new FlowTable.Row(period, hour, values, null, true);
        }

        private static int axes(FlowTable table) {
            return (table.interval() == Interval.NONE ? 0 : 1) + (table.interval() == Interval.HOUR ? 1 : 0)
                    + table.by().size();
        }

        private static List<String> key(FlowTable table, FlowTable.Row row) {
            List<String> key = new ArrayList<>();
            if (table.interval() != Interval.NONE) {
                key.add(row.period() == null ? ABSENT : row.period().toString());
            }
            if (table.interval() == Interval.HOUR) {
                key.add(row.hour() == null ? ABSENT : "%02d".formatted(row.hour()));
            }
            for (Dimension dimension : table.by()) {
                String value = row.values().get(dimension);
                key.add(value == null ? ABSENT : value);
            }
            return key;
        }
    }
}
