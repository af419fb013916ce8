package org.manfadh.statistics.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which suppressed cells the published figures pin down exactly, whatever equations an attacker
 * combines: a suppressed cell is determined when its unit vector lies in the row space of the
 * line equations over the suppressed cells. Worked exactly, in the integers modulo a large prime
 * (the rank over the rationals of a 0/±1 system, barring a prime that divides one of its minors).
 */
final class LinearAudit {

    private static final long PRIME = 2_147_483_647L;

    /** Connected sets of suppressed cells larger than this are not audited (said in docs/STATISTICS.md). */
    static final int LARGEST_COMPONENT = 600;

    private LinearAudit() {
    }

    /** An equation over suppressed cells: the cells with coefficient +1 and those with -1. */
    record Equation(List<Coordinates> plus, List<Coordinates> minus) {
    }

    /** The suppressed cells determined by the equations, in order; components too large are passed over. */
    static Set<Coordinates> determined(Set<Coordinates> unknowns, List<Equation> equations) {
        Map<Coordinates, Integer> index = new HashMap<>();
        List<Coordinates> byIndex = new ArrayList<>();
        for (Coordinates cell : unknowns) {
            index.put(cell, byIndex.size());
            byIndex.add(cell);
        }
        int[] parent = new int[byIndex.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Equation equation : equations) {
            int first = -1;
            for (Coordinates cell : concat(equation)) {
                int i = index.get(cell);
                if (first < 0) {
                    first = i;
                } else {
                    parent[find(parent, i)] = find(parent, first);
                }
            }
        }
        Map<Integer, List<Equation>> equationsByComponent = new HashMap<>();
        for (Equation equation : equations) {
            int root = find(parent, index.get(concat(equation).getFirst()));
            equationsByComponent.computeIfAbsent(root, r -> new ArrayList<>()).add(equation);
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            members.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
        }
        Set<Coordinates> determined = new TreeSet<>();
        members.forEach((root, cells) -> {
            List<Equation> own = equationsByComponent.getOrDefault(root, List.of());
            if (own.isEmpty() || cells.size() > LARGEST_COMPONENT) {
                return;
            }
            Map<Integer, Integer> column = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                column.put(cells.get(c), c);
            }
            long[][] rows = new long[own.size()][cells.size()];
            for (int r = 0; r < own.size(); r++) {
                for (Coordinates cell : own.get(r).plus()) {
                    int c = column.get(index.get(cell));
                    rows[r][c] = (rows[r][c] + 1) % PRIME;
                }
                for (Coordinates cell : own.get(r).minus()) {
                    int c = column.get(index.get(cell));
                    rows[r][c] = (rows[r][c] + PRIME - 1) % PRIME;
                }
            }
            for (int c : singletonPivots(rows, cells.size())) {
                determined.add(byIndex.get(cells.get(c)));
            }
        });
        return determined;
    }

    /** Brings the rows to reduced echelon form and returns the columns whose pivot row has no other entry. */
    private static List<Integer> singletonPivots(long[][] rows, int columns) {
        int pivotRow = 0;
        List<Integer> pivotColumns = new ArrayList<>();
        for (int c = 0; c < columns && pivotRow < rows.length; c++) {
            int found = -1;
            for (int r = pivotRow; r < rows.length; r++) {
                if (rows[r][c] != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            long[] swap = rows[found];
            rows[found] = rows[pivotRow];
            rows[pivotRow] = swap;
            long inverse = inverse(rows[pivotRow][c]);
            for (int j = c; j < columns; j++) {
                rows[pivotRow][j] = rows[pivotRow][j] * inverse % PRIME;
            }
            for (int r = 0; r < rows.length; r++) {
                if (r != pivotRow && rows[r][c] != 0) {
                    long factor = rows[r][c];
                    for (int j = c; j < columns; j++) {
                        rows[r][j] = Math.floorMod(rows[r][j] - factor * rows[pivotRow][j] % PRIME, PRIME);
                    }
                }
            }
            pivotColumns.add(c);
            pivotRow++;
        }
        List<Integer> singletons = new ArrayList<>();
        for (int r = 0; r < pivotColumns.size(); r++) {
            int nonZero = 0;
            for (int j = 0; j < columns && nonZero < 2; j++) {
                if (rows[r][j] != 0) {
                    nonZero++;
                }
            }
            if (nonZero == 1) {
                singletons.add(pivotColumns.get(r));
            }
        }
        return singletons;
    }

    private static long inverse(long value) {
        long result = 1;
        long base = value % PRIME;
        long exponent = PRIME - 2;
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = result * base % PRIME;
            }
            base = base * base % PRIME;
            exponent >>= 1;
        }
        return result;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static List<Coordinates> concat(Equation equation) {
        List<Coordinates> all = new ArrayList<>(equation.plus());
        all.addAll(equation.minus());
        return all;
    }
}
