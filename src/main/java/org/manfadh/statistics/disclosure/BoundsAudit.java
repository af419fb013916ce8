package org.manfadh.statistics.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The least and greatest value each unknown can take, given linear equations over the unknowns
 * with integer coefficients and right-hand sides, and every unknown at least zero (counts are never
 * negative): two linear programmes per unknown, solved by a two-phase simplex of its own (Bland's
 * rule, so it never cycles).
 *
 * <p>The bounds are over real values. For a two-dimensional table with its margins the equations
 * form a network, whose vertices are whole numbers, so the bounds are exactly those over
 * non-negative integers; for three dimensions they may be wider than the integer ones (an attacker
 * with an integer programme can know a little more; docs/STATISTICS.md says so).
 */
final class BoundsAudit {

    /** No bound: the unknown can be as large as one likes. */
    static final double UNBOUNDED = Double.POSITIVE_INFINITY;

    private static final double EPSILON = 1e-9;

    private final int columns;
    private final double[][] tableau;
    private final int[] basis;
    private final int rows;
    private final boolean feasible;

    /**
     * @param unknowns     the number of unknowns
     * @param coefficients one row per equation, one coefficient per unknown
     * @param values       the right-hand side of each equation
     */
    BoundsAudit(int unknowns, List<int[]> coefficients, List<Long> values) {
        int m = coefficients.size();
        this.columns = unknowns;
        // Columns: the unknowns, then one artificial per equation, then the right-hand side.
        int width = unknowns + m + 1;
        double[][] t = new double[m + 1][width];
        int[] b = new int[m];
        for (int r = 0; r < m; r++) {
            int sign = values.get(r) < 0 ? -1 : 1;
            for (int c = 0; c < unknowns; c++) {
                t[r][c] = sign * coefficients.get(r)[c];
            }
            t[r][unknowns + r] = 1;
            t[r][width - 1] = sign * (double) values.get(r);
            b[r] = unknowns + r;
        }
        // Phase one: minimise the sum of the artificials (the objective row holds its reduced costs).
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < width; c++) {
                if (c < unknowns || c == width - 1) {
                    t[m][c] -= t[r][c];
                }
            }
        }
        this.tableau = t;
        this.basis = b;
        this.rows = m;
        run(unknowns + m);
        this.feasible = t[m][width - 1] > -1e-7;
        if (feasible) {
            // Drive every artificial still in the basis (at zero) out of it, or leave its row: redundant.
            for (int r = 0; r < m; r++) {
                if (basis[r] >= unknowns) {
                    for (int c = 0; c < unknowns; c++) {
                        if (Math.abs(t[r][c]) > EPSILON) {
                            pivot(r, c);
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Whether any values at all satisfy the equations (always, for figures counted from real counts). */
    boolean feasible() {
        return feasible;
    }

    /** The least and greatest value of one unknown: {@code {min, max}}, max {@link #UNBOUNDED} when it has none. */
    double[] bounds(int unknown) {
        if (!feasible) {
            throw new IllegalStateException("The equations have no solution in non-negative numbers");
        }
        double max = optimise(unknown, 1);
        double min = -optimise(unknown, -1);
        return new double[]{Math.max(0, min), max};
    }

    /** The greatest value of {@code sign * x[unknown]}, from the current feasible basis. */
    private double optimise(int unknown, int sign) {
        int width = columns + rows + 1;
        double[] objective = tableau[rows];
        java.util.Arrays.fill(objective, 0);
        // Maximising sign * x is minimising -sign * x: the row holds the reduced costs c - c_B B^-1 A.
        objective[unknown] = -sign;
        for (int r = 0; r < rows; r++) {
            if (basis[r] == unknown) {
                double factor = objective[unknown];
                for (int c = 0; c < width; c++) {
                    objective[c] -= factor * tableau[r][c];
                }
            }
        }
        boolean bounded = run(columns);
        if (!bounded) {
            return UNBOUNDED;
        }
        return value(unknown) * sign;
    }

    private double value(int unknown) {
        int width = columns + rows + 1;
        for (int r = 0; r < rows; r++) {
            if (basis[r] == unknown) {
                return tableau[r][width - 1];
            }
        }
        return 0;
    }

    /**
     * Pivots until no column among the first {@code eligible} has a negative reduced cost; false
     * when the objective is unbounded.
     */
    private boolean run(int eligible) {
        int width = columns + rows + 1;
        double[] objective = tableau[rows];
        while (true) {
            int entering = -1;
            for (int c = 0; c < eligible; c++) {
                if (objective[c] < -EPSILON) {
                    entering = c; // Bland: the lowest index
                    break;
                }
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                if (tableau[r][entering] > EPSILON) {
                    double ratio = tableau[r][width - 1] / tableau[r][entering];
                    if (ratio < best - EPSILON || (ratio < best + EPSILON && leaving >= 0 && basis[r] < basis[leaving])) {
                        best = ratio;
                        leaving = r;
                    }
                }
            }
            if (leaving < 0) {
                return false;
            }
            pivot(leaving, entering);
        }
    }

    private void pivot(int row, int column) {
        int width = columns + rows + 1;
        double[] pivotRow = tableau[row];
        double p = pivotRow[column];
        for (int c = 0; c < width; c++) {
            pivotRow[c] /= p;
        }
        for (int r = 0; r <= rows; r++) {
            if (r != row) {
                double factor = tableau[r][column];
                if (Math.abs(factor) > EPSILON) {
                    double[] target = tableau[r];
                    for (int c = 0; c < width; c++) {
                        target[c] -= factor * pivotRow[c];
                    }
                    target[column] = 0;
                }
            }
        }
        basis[row] = column;
    }

    /** For tests: the bounds of every unknown. */
    List<double[]> allBounds() {
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            all.add(bounds(i));
        }
        return all;
    }
}
