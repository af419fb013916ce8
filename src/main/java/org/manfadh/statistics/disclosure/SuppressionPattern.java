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
        Set<Coordinates> givenUp = new HashSet<>();
        while (true) {
            closeLines(level);
            Set<Coordinates> determined = LinearAudit.determined(unknownsWithin(level), equationsWithin(level));
            determined.removeAll(givenUp);
            if (determined.isEmpty()) {
                return;
            }
            boolean protectedOne = false;
            for (Coordinates cell : determined) {
                if (protect(level, cell)) {
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
    private void closeLines(int level) {
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Hypercube.Line> lines = cube.lines(level);
            for (Hypercube.Line line : lines) {
                if (lines != cube.lines(level)) {
                    break; // a known zero became a cell: the lines are drawn again
                }
                int count = suppressed.contains(line.margin()) ? 1 : 0;
                for (Coordinates cell : line.cells()) {
                    if (suppressed.contains(cell)) {
                        count++;
                    }
                }
                if (count != 1) {
                    continue;
                }
                if (suppressOneOf(level, line.cells(), List.of(line))) {
                    changed = true;
                } else {
                    line.cells().stream().filter(suppressed::contains).forEach(exposed::add);
                }
            }
        }
    }

    /**
     * Cells that other queries publish anyway: the only cell of a line whose margin is published
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

    /** Suppresses a further cell of the level that bears on a determined cell; false when there is none. */
    private boolean protect(int level, Coordinates determined) {
        List<Coordinates> candidates = new ArrayList<>();
        List<Hypercube.Line> lines = new ArrayList<>();
        for (Hypercube.Line line : cube.lines(level)) {
            if (line.cells().contains(determined) || line.margin().equals(determined)) {
                candidates.addAll(line.cells());
                lines.add(line);
            }
        }
        if (determined.level() != level) {
            for (Coordinates cell : cube.cells(level)) {
                if (cell.onto(determined.level()).equals(determined)) {
                    candidates.add(cell);
                }
            }
        }
        return suppressOneOf(level, candidates, lines);
    }

    /**
     * Suppresses the smallest unsuppressed cell among the candidates that no other query gives
     * away, ties by coordinates; failing that, a known zero of one of the lines (its suppressed row
     * hides that the combination has no crossings); failing that, a cell other queries give away.
     */
    private boolean suppressOneOf(int level, List<Coordinates> candidates, List<Hypercube.Line> lines) {
        Set<Coordinates> pinned = pinned(level);
        Comparator<Coordinates> order = Comparator.comparingLong(cube::count)
                .thenComparing(Comparator.naturalOrder());
        Optional<Coordinates> free = candidates.stream()
                .filter(c -> !suppressed.contains(c) && !pinned.contains(c) && cube.count(c) > 0).min(order);
        if (free.isPresent()) {
            suppressed.add(free.get());
            return true;
        }
        Optional<Coordinates> zero = lines.stream().flatMap(line -> cube.absentCells(line).stream())
                .filter(this::hasNoKnownZeroMargin).sorted().findFirst();
        if (zero.isPresent()) {
            cube.addZero(zero.get());
            suppressed.add(zero.get());
            return true;
        }
        Optional<Coordinates> given = candidates.stream().filter(c -> !suppressed.contains(c)).min(order);
        given.ifPresent(suppressed::add);
        return given.isPresent();
    }

    /** A zero suppressed on a line whose margin is a known zero would be given away at once. */
    private boolean hasNoKnownZeroMargin(Coordinates cell) {
        int level = cell.level();
        for (int d = 0; d < cell.dimensions(); d++) {
            if ((level & (1 << d)) != 0) {
                Coordinates margin = cell.onto(level & ~(1 << d));
                if (cube.count(margin) == 0 && !suppressed.contains(margin)) {
                    return false;
                }
            }
        }
        return true;
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
