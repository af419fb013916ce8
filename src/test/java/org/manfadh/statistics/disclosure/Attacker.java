package org.manfadh.statistics.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.manfadh.statistics.FlowTable;

/**
 * Someone who wants the small counts of a shared table and asks, over the same range, for the
 * table itself and for every coarser table (each margin of it, down to the total), all shared.
 * They know every figure shown and that an absent cell is zero, and the true counts of nothing else.
 */
final class Attacker {

    /** A line: its margin equals the sum of its cells. */
    record Line(List<String> margin, List<List<String>> cells) {
    }

    final int axes;
    final int threshold;
    final Map<List<String>, Long> truth = new TreeMap<>(Tables::compareKeys);
    final Map<List<String>, Long> known = new TreeMap<>(Tables::compareKeys);
    final Set<List<String>> suppressed = new TreeSet<>(Tables::compareKeys);
    final List<Line> lines = new ArrayList<>();

    Attacker(FlowTable table, int threshold) {
        this(table, threshold, true);
    }

    /**
     * @param finestShown false for someone who has only the coarser tables: the table's own cells
     *                    are unknown to them, except those a zero margin makes zero
     */
    Attacker(FlowTable table, int threshold, boolean finestShown) {
        this.axes = Tables.axes(table);
        this.threshold = threshold;
        List<List<String>> domains = new ArrayList<>();
        for (int a = 0; a < axes; a++) {
            Set<String> values = new TreeSet<>();
            for (List<String> key : Tables.counts(table).keySet()) {
                values.add(key.get(a));
            }
            domains.add(new ArrayList<>(values));
        }
        for (int level = 0; level < 1 << axes; level++) {
            FlowTable coarse = Tables.coarser(table, level);
            for (Map.Entry<List<String>, Long> cell : Tables.counts(coarse).entrySet()) {
                truth.put(Tables.widen(cell.getKey(), level, axes), cell.getValue());
            }
            FlowTable shown = DisclosureControl.suppress(coarse, threshold);
            boolean hidden = !finestShown && level == (1 << axes) - 1;
            for (FlowTable.Row row : shown.rows()) {
                List<String> key = Tables.widen(Tables.key(shown, row), level, axes);
                if (row.suppressed() || hidden) {
                    suppressed.add(key);
                } else {
                    known.put(key, row.count());
                }
            }
        }
        List<List<String>> extended = new ArrayList<>();
        for (List<String> domain : domains) {
            List<String> withAll = new ArrayList<>(domain);
            withAll.add(Tables.ALL);
            extended.add(withAll);
        }
        for (List<String> key : Tables.product(extended)) {
            if (!finestShown && !key.contains(Tables.ALL) && !suppressed.contains(key)) {
                suppressed.add(key);
            }
            if (!known.containsKey(key) && !suppressed.contains(key)) {
                known.put(key, 0L);
            }
            for (int a = 0; a < axes; a++) {
                if (!key.get(a).equals(Tables.ALL)) {
                    continue;
                }
                List<List<String>> cells = new ArrayList<>();
                for (String value : domains.get(a)) {
                    List<String> cell = new ArrayList<>(key);
                    cell.set(a, value);
                    cells.add(List.copyOf(cell));
                }
                lines.add(new Line(key, cells));
            }
        }
        if (!finestShown) {
            for (List<String> key : new ArrayList<>(suppressed)) {
                if (key.contains(Tables.ALL)) {
                    continue;
                }
                for (int a = 0; a < axes; a++) {
                    List<String> margin = new ArrayList<>(key);
                    margin.set(a, Tables.ALL);
                    if (Long.valueOf(0).equals(known.get(margin))) {
                        suppressed.remove(key);
                        known.put(key, 0L);
                        break;
                    }
                }
            }
        }
    }

    /** The suppressed cells worked out by solving, again and again, every line with one unknown left. */
    Map<List<String>, Long> solveLines() {
        Map<List<String>, Long> solved = new TreeMap<>(Tables::compareKeys);
        Map<List<String>, Long> knowledge = new HashMap<>(known);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Line line : lines) {
                List<List<String>> unknowns = new ArrayList<>();
                long sum = 0;
                for (List<String> cell : line.cells()) {
                    if (knowledge.containsKey(cell)) {
                        sum += knowledge.get(cell);
                    } else {
                        unknowns.add(cell);
                    }
                }
                boolean marginKnown = knowledge.containsKey(line.margin());
                if (marginKnown && unknowns.size() == 1) {
                    long value = knowledge.get(line.margin()) - sum;
                    knowledge.put(unknowns.getFirst(), value);
                    solved.put(unknowns.getFirst(), value);
                    progress = true;
                } else if (!marginKnown && unknowns.isEmpty()) {
                    knowledge.put(line.margin(), sum);
                    solved.put(line.margin(), sum);
                    progress = true;
                }
            }
        }
        return solved;
    }

    /** The result of a brute-force search over the counts the suppressed cells could have. */
    record Bounds(Map<List<String>, long[]> range, boolean complete) {
    }

    /**
     * The least and greatest count of every suppressed cell over all non-negative integer counts
     * consistent with every figure shown (a suppressed total below the threshold). A suppressed row
     * may stand for a combination with no crossings, so it counts zero or more. Gives up after {@code budget} steps (then {@code complete} is false).
     */
    Bounds bounds(long budget) {
        List<List<String>> variables = new ArrayList<>(suppressed);
        Map<List<String>, Integer> index = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            index.put(variables.get(i), i);
        }
        List<int[]> equationVariables = new ArrayList<>();
        List<int[]> equationCoefficients = new ArrayList<>();
        List<Long> equationValues = new ArrayList<>();
        for (Line line : lines) {
            List<Integer> vars = new ArrayList<>();
            List<Integer> coefficients = new ArrayList<>();
            long value = known.containsKey(line.margin()) ? known.get(line.margin()) : 0;
            if (index.containsKey(line.margin())) {
                vars.add(index.get(line.margin()));
                coefficients.add(-1);
            }
            for (List<String> cell : line.cells()) {
                if (index.containsKey(cell)) {
                    vars.add(index.get(cell));
                    coefficients.add(1);
                } else {
                    value -= known.get(cell);
                }
            }
            if (!vars.isEmpty()) {
                equationVariables.add(vars.stream().mapToInt(Integer::intValue).toArray());
                equationCoefficients.add(coefficients.stream().mapToInt(Integer::intValue).toArray());
                equationValues.add(value);
            }
        }
        List<String> totalKey = new ArrayList<>();
        for (int a = 0; a < axes; a++) {
            totalKey.add(Tables.ALL);
        }
        long upper = known.containsKey(totalKey) ? known.get(totalKey) : threshold - 1;
        Search search = new Search(variables.size(), upper, equationVariables, equationCoefficients,
                equationValues, budget);
        search.run(0);
        Map<List<String>, long[]> range = new TreeMap<>(Tables::compareKeys);
        for (int i = 0; i < variables.size(); i++) {
            range.put(variables.get(i), new long[]{search.min[i], search.max[i]});
        }
        return new Bounds(range, search.steps <= budget);
    }

    private static final class Search {
        final int size;
        final long upper;
        final List<int[]> vars;
        final List<int[]> coefficients;
        final List<Long> values;
        final List<List<Integer>> equationsOf = new ArrayList<>();
        final long budget;
        final long[] assignment;
        final boolean[] assigned;
        final long[] min;
        final long[] max;
        long steps;

        Search(int size, long upper, List<int[]> vars, List<int[]> coefficients, List<Long> values, long budget) {
            this.size = size;
            this.upper = upper;
            this.vars = vars;
            this.coefficients = coefficients;
            this.values = values;
            this.budget = budget;
            this.assignment = new long[size];
            this.assigned = new boolean[size];
            this.min = new long[size];
            this.max = new long[size];
            java.util.Arrays.fill(min, Long.MAX_VALUE);
            java.util.Arrays.fill(max, Long.MIN_VALUE);
            for (int i = 0; i < size; i++) {
                equationsOf.add(new ArrayList<>());
            }
            for (int e = 0; e < vars.size(); e++) {
                for (int v : vars.get(e)) {
                    equationsOf.get(v).add(e);
                }
            }
        }

        void run(int next) {
            if (++steps > budget) {
                return;
            }
            if (next == size) {
                for (int i = 0; i < size; i++) {
                    min[i] = Math.min(min[i], assignment[i]);
                    max[i] = Math.max(max[i], assignment[i]);
                }
                return;
            }
            for (long value = 0; value <= upper; value++) {
                assignment[next] = value;
                assigned[next] = true;
                if (consistent(next)) {
                    run(next + 1);
                }
                assigned[next] = false;
                if (steps > budget) {
                    return;
                }
            }
        }

        private boolean consistent(int variable) {
            for (int e : equationsOf.get(variable)) {
                long rest = values.get(e);
                int open = -1;
                int openCount = 0;
                int[] v = vars.get(e);
                int[] c = coefficients.get(e);
                for (int i = 0; i < v.length; i++) {
                    if (assigned[v[i]]) {
                        rest -= c[i] * assignment[v[i]];
                    } else {
                        openCount++;
                        open = i;
                    }
                }
                if (openCount == 0 && rest != 0) {
                    return false;
                }
                if (openCount == 1) {
                    long implied = rest * c[open];
                    if (implied < 0 || implied > upper) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    Set<List<String>> suppressedCells() {
        return new HashSet<>(suppressed);
    }
}
