package org.manfadh.statistics.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table's counts as the interior of a hypercube, with every margin of it: the sums over any set
 * of its dimensions, down to the grand total. Only cells with a count other than zero are held; an
 * absent cell is a known zero.
 */
final class Hypercube {

    /** A line: the cells of one level that share every coordinate but one, and the margin they sum to. */
    record Line(int level, int dimension, Coordinates margin, List<Coordinates> cells) {
    }

    private final int dimensions;
    private final int[] sizes;
    private final Map<Coordinates, Long> counts = new HashMap<>();
    private final Map<Integer, List<Coordinates>> cellsByLevel = new HashMap<>();
    private final Map<Integer, List<Line>> linesByLevel = new HashMap<>();

    /**
     * @param sizes    the number of values of each dimension
     * @param interior the interior cells (every coordinate set) and their counts, none negative
     */
    Hypercube(int[] sizes, Map<Coordinates, Long> interior) {
        int dimensions = sizes.length;
        this.sizes = sizes.clone();
        if (dimensions > 20) {
            throw new IllegalArgumentException("Too many dimensions for a hypercube: " + dimensions);
        }
        this.dimensions = dimensions;
        int full = full();
        interior.forEach((cell, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("A negative count: " + count);
            }
            if (count == 0) {
                return;
            }
            for (int level = 0; level <= full; level++) {
                counts.merge(cell.onto(level), count, Long::sum);
            }
        });
        Map<Integer, List<Coordinates>> byLevel = new TreeMap<>();
        for (Coordinates cell : counts.keySet()) {
            byLevel.computeIfAbsent(cell.level(), l -> new ArrayList<>()).add(cell);
        }
        byLevel.forEach((level, cells) -> {
            Collections.sort(cells);
            cellsByLevel.put(level, List.copyOf(cells));
        });
    }

    int dimensions() {
        return dimensions;
    }

    /** The level of the interior: every dimension set. */
    int full() {
        return (1 << dimensions) - 1;
    }

    /**
     * Makes a cell with no count one of the cells of its level, so that it can be suppressed: a
     * known zero suppressed hides the pattern of zeros that would otherwise give a neighbour away.
     */
    void addZero(Coordinates cell) {
        if (counts.containsKey(cell)) {
            return;
        }
        counts.put(cell, 0L);
        List<Coordinates> cells = new ArrayList<>(cells(cell.level()));
        cells.add(cell);
        Collections.sort(cells);
        cellsByLevel.put(cell.level(), List.copyOf(cells));
        linesByLevel.remove(cell.level());
    }

    /** The cells of a line that have no count and are not yet cells of the cube. */
    List<Coordinates> absentCells(Line line) {
        List<Coordinates> absent = new ArrayList<>();
        for (int value = 0; value < sizes[line.dimension()]; value++) {
            Coordinates cell = line.margin().with(line.dimension(), value);
            if (!counts.containsKey(cell)) {
                absent.add(cell);
            }
        }
        return absent;
    }

    /** The count of a cell at any level; zero for a cell that has none. */
    long count(Coordinates cell) {
        return counts.getOrDefault(cell, 0L);
    }

    /** The cells of a level with a count other than zero, in order. */
    List<Coordinates> cells(int level) {
        return cellsByLevel.getOrDefault(level, List.of());
    }

    /** Every line within a level: for each of its dimensions, the cells grouped by the margin they sum to. */
    List<Line> lines(int level) {
        return linesByLevel.computeIfAbsent(level, l -> {
            List<Line> lines = new ArrayList<>();
            for (int d = 0; d < dimensions; d++) {
                if ((l & (1 << d)) == 0) {
                    continue;
                }
                int marginLevel = l & ~(1 << d);
                Map<Coordinates, List<Coordinates>> groups = new TreeMap<>();
                for (Coordinates cell : cells(l)) {
                    groups.computeIfAbsent(cell.onto(marginLevel), m -> new ArrayList<>()).add(cell);
                }
                // A margin made a cell with no count still has its line, if only of absent cells.
                for (Coordinates margin : cells(marginLevel)) {
                    if (count(margin) == 0) {
                        groups.computeIfAbsent(margin, m -> new ArrayList<>());
                    }
                }
                int dimension = d;
                groups.forEach((margin, cells) -> lines.add(new Line(l, dimension, margin, List.copyOf(cells))));
            }
            return List.copyOf(lines);
        });
    }

    /** The levels in the order a table and its margins are settled: coarser first, then by their bits. */
    List<Integer> levelsCoarseFirst() {
        List<Integer> levels = new ArrayList<>();
        for (int level = 0; level <= full(); level++) {
            levels.add(level);
        }
        levels.sort((a, b) -> Integer.bitCount(a) != Integer.bitCount(b)
                ? Integer.compare(Integer.bitCount(a), Integer.bitCount(b)) : Integer.compare(a, b));
        return levels;
    }
}
