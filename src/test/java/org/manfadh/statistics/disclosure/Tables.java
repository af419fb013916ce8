package org.manfadh.statistics.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;

/**
 * Random tables of flows for attacking disclosure control, and the same table's coarser queries:
 * the tables a user gets by asking for fewer dimensions, or for no period, over the same range.
 * A cell is named by its key: one value per axis (the period first when there is one, then each
 * dimension), {@code *} where summed over.
 */
final class Tables {

    static final String ALL = "*";

    private static final Map<Dimension, List<String>> VALUES = Map.of(
            Dimension.NATIONALITY, List.of("IRN", "PAK", "SYR", "TUR", "IND"),
            Dimension.SEX, List.of("F", "M", "X"),
            Dimension.DIRECTION, List.of("ENTRY", "EXIT"),
            Dimension.BORDER_POINT, List.of("BGW", "IBK", "SHL", "ZRB"),
            Dimension.PURPOSE, List.of("PILGRIMAGE", "TOURISM", "WORK", "FAMILY", "TRANSIT"));

    private Tables() {
    }

    /**
     * @param axes      one to three, the period counting as one when there is one
     * @param largest   the largest count of a cell
     */
    static FlowTable random(Random random, int axes, int largest, int threshold) {
        boolean period = random.nextBoolean();
        Interval interval = period ? (random.nextBoolean() ? Interval.DAY : Interval.MONTH) : Interval.NONE;
        List<Dimension> pool = new ArrayList<>(VALUES.keySet());
        pool.sort(null);
        Collections.shuffle(pool, random);
        List<Dimension> by = List.copyOf(pool.subList(0, axes - (period ? 1 : 0)));
        List<List<String>> domains = new ArrayList<>();
        if (period) {
            List<String> periods = new ArrayList<>();
            LocalDate first = LocalDate.of(2026, 1, 1);
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                periods.add((interval == Interval.DAY ? first.plusDays(i) : first.plusMonths(i)).toString());
            }
            domains.add(periods);
        }
        for (Dimension dimension : by) {
            List<String> values = VALUES.get(dimension);
            domains.add(values.subList(0, 1 + random.nextInt(values.size() <= 3 ? values.size() : 4)));
        }
        double presence = 0.35 + 0.6 * random.nextDouble();
        Map<List<String>, Long> cells = new LinkedHashMap<>();
        for (List<String> key : product(domains)) {
            if (random.nextDouble() < presence) {
                long count = random.nextInt(3) == 0 ? 1 + random.nextInt(largest)
                        : 1 + random.nextInt(Math.min(largest, threshold + 2));
                cells.put(key, count);
            }
        }
        return table(period ? interval : Interval.NONE, by, cells);
    }

    static FlowTable table(Interval interval, List<Dimension> by, Map<List<String>, Long> cells) {
        List<FlowTable.Row> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<List<String>, Long> cell : cells.entrySet()) {
            List<String> key = cell.getKey();
            int offset = interval == Interval.NONE ? 0 : 1;
            Map<Dimension, String> values = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) {
                values.put(by.get(i), key.get(offset + i));
            }
            rows.add(new FlowTable.Row(offset == 0 ? null : LocalDate.parse(key.getFirst()), null, values,
                    cell.getValue(), false));
            total += cell.getValue();
        }
        return new FlowTable(by, interval, rows, total, false, 0);
    }

    /** The number of axes of a table: the period when there is one, then each dimension. */
    static int axes(FlowTable table) {
        return (table.interval() == Interval.NONE ? 0 : 1) + table.by().size();
    }

    /** The key of a row, over every axis of its table. */
    static List<String> key(FlowTable table, FlowTable.Row row) {
        List<String> key = new ArrayList<>();
        if (table.interval() != Interval.NONE) {
            key.add(row.period().toString());
        }
        for (Dimension dimension : table.by()) {
            key.add(row.values().get(dimension));
        }
        return key;
    }

    /** The true counts of a table by key. */
    static Map<List<String>, Long> counts(FlowTable table) {
        Map<List<String>, Long> counts = new TreeMap<>(Tables::compareKeys);
        for (FlowTable.Row row : table.rows()) {
            counts.put(key(table, row), row.count());
        }
        return counts;
    }

    /**
     * The query over the same range asking only for the axes in {@code level} (a bit per axis): its
     * rows are the table's margin at that level, its keys written over all the table's axes.
     */
    static FlowTable coarser(FlowTable table, int level) {
        boolean period = table.interval() != Interval.NONE;
        int offset = period ? 1 : 0;
        boolean keepsPeriod = period && (level & 1) != 0;
        List<Dimension> by = new ArrayList<>();
        for (int i = 0; i < table.by().size(); i++) {
            if ((level & (1 << (offset + i))) != 0) {
                by.add(table.by().get(i));
            }
        }
        Map<List<String>, Long> cells = new TreeMap<>(Tables::compareKeys);
        for (Map.Entry<List<String>, Long> cell : counts(table).entrySet()) {
            List<String> key = new ArrayList<>();
            for (int a = 0; a < cell.getKey().size(); a++) {
                if ((level & (1 << a)) != 0) {
                    key.add(cell.getKey().get(a));
                }
            }
            cells.merge(key, cell.getValue(), Long::sum);
        }
        return table(keepsPeriod ? table.interval() : Interval.NONE, by, cells);
    }

    /** A key of the coarser table written over all the table's axes, {@code *} for those summed over. */
    static List<String> widen(List<String> coarseKey, int level, int axes) {
        List<String> key = new ArrayList<>();
        int next = 0;
        for (int a = 0; a < axes; a++) {
            key.add((level & (1 << a)) != 0 ? coarseKey.get(next++) : ALL);
        }
        return key;
    }

    static List<List<String>> product(List<List<String>> domains) {
        List<List<String>> keys = new ArrayList<>();
        keys.add(List.of());
        for (List<String> domain : domains) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> key : keys) {
                for (String value : domain) {
                    List<String> k = new ArrayList<>(key);
                    k.add(value);
                    longer.add(List.copyOf(k));
                }
            }
            keys = longer;
        }
        return keys;
    }

    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
