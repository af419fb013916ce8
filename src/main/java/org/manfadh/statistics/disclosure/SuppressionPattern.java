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

    /** Connected sets of suppressed cells larger than this get the linear audit only (docs/STATISTICS.md). */
    static final int LARGEST_BOUNDS_AUDIT = 200;

    private static final double TOLERANCE = 1e-6;

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
            Optional<Coordinates> weak = weakest(level, givenUp);
            if (weak.isEmpty()) {
                return;
            }
            if (!protect(level, weak.get())) {
                givenUp.add(weak.get());
                exposed.add(weak.get());
            }
        }
    }

    /**
     * The first suppressed cell (in order) that the level and its margins do not protect: a cell
     * below the threshold whose range over non-negative counts includes neither zero nor the
     * threshold, or, in a connected set of suppressed cells too large for the bounds audit, any
     * cell the equations determine exactly.
     */
    private Optional<Coordinates> weakest(int level, Set<Coordinates> givenUp) {
        Set<Coordinates> unknowns = unknownsWithin(level);
        List<LinearAudit.Equation> equations = equationsWithin(level);
        List<List<Coordinates>> components = components(unknowns, equations);
        Set<Coordinates> large = new HashSet<>();
        TreeSet<Coordinates> weak = new TreeSet<>();
        for (List<Coordinates> component : components) {
            if (component.size() > LARGEST_BOUNDS_AUDIT) {
                large.addAll(component);
                continue;
            }
            weakIn(component, equations, givenUp).ifPresent(weak::add);
        }
        if (!large.isEmpty()) {
            for (Coordinates cell : LinearAudit.determined(unknowns, equations)) {
                if (large.contains(cell) && !givenUp.contains(cell)) {
                    weak.add(cell);
                }
            }
        }
        return weak.isEmpty() ? Optional.empty() : Optional.of(weak.first());
    }

    /** The first cell below the threshold in one connected set of suppressed cells that its bounds leave unprotected. */
    private Optional<Coordinates> weakIn(List<Coordinates> component, List<LinearAudit.Equation> equations,
                                         Set<Coordinates> givenUp) {
        List<Coordinates> sensitive = component.stream()
                .filter(c -> cube.count(c) > 0 && cube.count(c) < threshold && !givenUp.contains(c)).toList();
        if (sensitive.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<Coordinates, Integer> column = new java.util.HashMap<>();
        BoundsAudit audit = audit(component, equations, column);
        for (Coordinates cell : sensitive) {
            double[] range = audit.bounds(column.get(cell));
            if (!protectedBy(range)) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /** The bounds audit of one connected set of suppressed cells; {@code column} is filled with each cell's unknown. */
    private BoundsAudit audit(List<Coordinates> component, List<LinearAudit.Equation> equations,
                              java.util.Map<Coordinates, Integer> column) {
        for (Coordinates cell : component) {
            column.put(cell, column.size());
        }
        Coordinates total = new Coordinates(DisclosureControl.allOf(cube.dimensions()));
        boolean boundedTotal = column.containsKey(total);
        int unknowns = component.size() + (boundedTotal ? 1 : 0);
        List<int[]> rows = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (LinearAudit.Equation equation : equations) {
            if (!column.containsKey(equation.plus().isEmpty() ? equation.minus().getFirst() : equation.plus().getFirst())) {
                continue;
            }
            int[] row = new int[unknowns];
            long value = 0;
            for (Coordinates cell : equation.plus()) {
                row[column.get(cell)] += 1;
                value += cube.count(cell);
            }
            for (Coordinates cell : equation.minus()) {
                row[column.get(cell)] -= 1;
                value -= cube.count(cell);
            }
            rows.add(row);
            values.add(value);
        }
        if (boundedTotal) {
            // A suppressed total is known to be below the threshold: total + slack = threshold - 1.
            int[] row = new int[unknowns];
            row[column.get(total)] = 1;
            row[unknowns - 1] = 1;
            rows.add(row);
            values.add((long) threshold - 1);
        }
        return new BoundsAudit(unknowns, rows, values);
    }

    /**
     * For the tests: the least and greatest count of every suppressed cell of the table and its
     * margins over non-negative counts, given everything published, whatever the size.
     */
    java.util.Map<Coordinates, double[]> bounds() {
        int level = cube.full();
        List<LinearAudit.Equation> equations = equationsWithin(level);
        java.util.Map<Coordinates, double[]> bounds = new java.util.TreeMap<>();
        for (List<Coordinates> component : components(unknownsWithin(level), equations)) {
            java.util.Map<Coordinates, Integer> column = new java.util.HashMap<>();
            BoundsAudit audit = audit(component, equations, column);
            for (Coordinates cell : component) {
                bounds.put(cell, audit.bounds(column.get(cell)));
            }
        }
        return bounds;
    }

    /**
     * The protection asked of a count below the threshold: the published figures must leave it
     * possible that the combination is empty, or that it holds at least the threshold, so that
     * they never show a small group to exist.
     */
    private boolean protectedBy(double[] range) {
        return range[0] < TOLERANCE || range[1] > threshold - TOLERANCE;
    }

    /** The suppressed cells joined by the equations, each set in order. */
    private static List<List<Coordinates>> components(Set<Coordinates> unknowns, List<LinearAudit.Equation> equations) {
        java.util.Map<Coordinates, Coordinates> parent = new java.util.HashMap<>();
        for (Coordinates cell : unknowns) {
            parent.put(cell, cell);
        }
        for (LinearAudit.Equation equation : equations) {
            List<Coordinates> all = new ArrayList<>(equation.plus());
            all.addAll(equation.minus());
            Coordinates first = root(parent, all.getFirst());
            for (Coordinates cell : all) {
                Coordinates r = root(parent, cell);
                if (!r.equals(first)) {
                    parent.put(r, first);
                }
            }
        }
        java.util.Map<Coordinates, List<Coordinates>> byRoot = new java.util.TreeMap<>();
        for (Coordinates cell : unknowns) {
            byRoot.computeIfAbsent(root(parent, cell), r -> new ArrayList<>()).add(cell);
        }
        return List.copyOf(byRoot.values());
    }

    private static Coordinates root(java.util.Map<Coordinates, Coordinates> parent, Coordinates cell) {
        Coordinates r = cell;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(cell, r);
        return r;
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

    /**
     * Suppresses a further cell of the level that bears on an unprotected cell, nearest first: a
     * cell of its own lines, else of the lines of the suppressed cells joined to it, and so on
     * outwards. At each distance a cell with crossings is preferred to a known zero (a zero is
     * already at its bound, a poor partner), and a cell other queries give away comes last. False
     * when there is none.
     */
    private boolean protect(int level, Coordinates weak) {
        Set<Coordinates> pinned = pinned(level);
        Comparator<Coordinates> order = Comparator.comparingLong(cube::count).thenComparing(Comparator.naturalOrder());
        Set<Coordinates> visited = new HashSet<>(Set.of(weak));
        List<Coordinates> frontier = List.of(weak);
        Optional<Coordinates> given = Optional.empty();
        while (!frontier.isEmpty()) {
            TreeSet<Coordinates> reached = new TreeSet<>();
            List<Hypercube.Line> lines = new ArrayList<>();
            for (Coordinates from : frontier) {
                for (Hypercube.Line line : cube.lines(level)) {
                    if (line.cells().contains(from) || line.margin().equals(from)) {
                        reached.addAll(line.cells());
                        lines.add(line);
                    }
                }
                if (from.level() != level) {
                    for (Coordinates cell : cube.cells(level)) {
                        if (cell.onto(from.level()).equals(from)) {
                            reached.add(cell);
                        }
                    }
                }
            }
            Optional<Coordinates> free = reached.stream()
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
            if (given.isEmpty()) {
                given = reached.stream().filter(c -> !suppressed.contains(c)).min(order);
            }
            List<Coordinates> next = new ArrayList<>();
            for (Coordinates cell : reached) {
                if (suppressed.contains(cell) && visited.add(cell)) {
                    next.add(cell);
                }
            }
            frontier = next;
        }
        given.ifPresent(suppressed::add);
        return given.isPresent();
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
