package org.manfadh.statistics.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cells of a hypercube, margins included, are suppressed at a threshold.
 *
 * <p>Levels are settled coarse first (the total, then each one-dimensional margin, …, the
 * interior last), and a level is settled from its own margins alone, so the margin of this table
 * comes out exactly as the coarser table would on its own: a user who asks the coarser query sees
 * the same cells suppressed. A settled level is never changed again; a finer level protects
 * what its margins suppressed by suppressing more of its own cells.
 *
 * <p>Within a level: primary suppression of every cell with {@code 0 < count < threshold};
 * secondary suppression until no line (cells sharing every coordinate but one, with their margin)
 * holds exactly one suppressed cell, each time the smallest unsuppressed cell of the line (ties by
 * coordinates); then an exact linear audit of every equation the level and its margins publish,
 * and for a cell it finds pinned down, the smallest further cell of the level that bears on it.
 */
final class SuppressionPattern {

    private final Hypercube cube;
    private final int threshold;
    private final Set<Coordinates> suppressed = new HashSet<>();
    private final Set<Coordinates> exposed = new TreeSet<>();

    SuppressionPattern(Hypercube cube, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The threshold is at least 1: " + threshold);
        }
        this.cube = cube;
        this.threshold = threshold;
        for (int level : cube.levelsCoarseFirst()) {
            settle(level);
        }
    }

    boolean suppressed(Coordinates cell) {
        return suppressed.contains(cell);
    }

    /**
     * Suppressed cells that no further suppression within their level could protect (the pattern
     * of known zeros and published margins gives them away). Empty in every table tried so far;
     * kept so that a caller can refuse to publish rather than publish them.
     */
    Set<Coordinates> exposed() {
        return exposed;
    }

    private void settle(int level) {
        for (Coordinates cell : cube.cells(level)) {
            long count = cube.count(cell);
            if (count > 0 && count < threshold) {
                suppressed.add(cell);
            }
        }
        if (level == 0) {
            return;
        }
        Set<Coordinates> pinned = pinned(level);
        Set<Coordinates> givenUp = new HashSet<>();
        while (true) {
            closeLines(level, pinned);
            Set<Coordinates> determined = LinearAudit.determined(unknownsWithin(level), equationsWithin(level));
            determined.removeAll(givenUp);
            if (determined.isEmpty()) {
                return;
            }
            boolean protectedOne = false;
            for (Coordinates cell : determined) {
                Optional<Coordinates> more = protector(level, cell, pinned);
                if (more.isPresent()) {
                    suppressed.add(more.get());
                    protectedOne = true;
                    break;
                }
                givenUp.add(cell);
                exposed.add(cell);
            }
            if (!protectedOne) {
                return;
            }
        }
    }

    /** Secondary suppression until no line of the level has exactly one suppressed cell. */
    private void closeLines(int level, Set<Coordinates> pinned) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Hypercube.Line line : cube.lines(level)) {
                int count = suppressed.contains(line.margin()) ? 1 : 0;
                for (Coordinates cell : line.cells()) {
                    if (suppressed.contains(cell)) {
                        count++;
                    }
                }
                if (count != 1) {
                    continue;
                }
                Optional<Coordinates> more = smallest(line.cells(), pinned);
                if (more.isPresent()) {
                    suppressed.add(more.get());
                    changed = true;
                } else {
                    line.cells().stream().filter(suppressed::contains).forEach(exposed::add);
                }
            }
        }
    }

    /**
     * Cells that another query publishes anyway: the only cell of a line whose margin is published
     * equals that margin. Suppressing one protects nothing, so they are chosen last.
     */
    private Set<Coordinates> pinned(int level) {
        Set<Coordinates> pinned = new HashSet<>();
        for (Hypercube.Line line : cube.lines(level)) {
            if (line.cells().size() == 1 && !suppressed.contains(line.margin())) {
                pinned.add(line.cells().getFirst());
            }
        }
        return pinned;
    }

    /** A further cell of the level whose suppression bears on a determined cell. */
    private Optional<Coordinates> protector(int level, Coordinates determined, Set<Coordinates> pinned) {
        List<Coordinates> candidates = new ArrayList<>();
        if (determined.level() == level) {
            for (Hypercube.Line line : cube.lines(level)) {
                if (line.cells().contains(determined)) {
                    candidates.addAll(line.cells());
                }
            }
        } else {
            for (Coordinates cell : cube.cells(level)) {
                if (cell.onto(determined.level()).equals(determined)) {
                    candidates.add(cell);
                }
            }
        }
        return smallest(candidates, pinned);
    }

    /** The smallest unsuppressed cell, unpinned ones first, ties by coordinates. */
    private Optional<Coordinates> smallest(List<Coordinates> cells, Set<Coordinates> pinned) {
        Comparator<Coordinates> order = Comparator.<Coordinates, Boolean>comparing(pinned::contains)
                .thenComparingLong(cube::count)
                .thenComparing(Comparator.naturalOrder());
        return cells.stream().filter(c -> !suppressed.contains(c)).min(order);
    }

    private Set<Coordinates> unknownsWithin(int level) {
        Set<Coordinates> unknowns = new TreeSet<>();
        for (Coordinates cell : suppressed) {
            if ((cell.level() & ~level) == 0) {
                unknowns.add(cell);
            }
        }
        return unknowns;
    }

    /** Every line equation published by the level and its margins that involves a suppressed cell. */
    private List<LinearAudit.Equation> equationsWithin(int level) {
        List<LinearAudit.Equation> equations = new ArrayList<>();
        for (int sub = level; sub > 0; sub = (sub - 1) & level) {
            for (Hypercube.Line line : cube.lines(sub)) {
                List<Coordinates> plus = line.cells().stream().filter(suppressed::contains).toList();
                List<Coordinates> minus = suppressed.contains(line.margin()) ? List.of(line.margin()) : List.of();
                if (!plus.isEmpty() || !minus.isEmpty()) {
                    equations.add(new LinearAudit.Equation(plus, minus));
                }
            }
        }
        return equations;
    }
}
