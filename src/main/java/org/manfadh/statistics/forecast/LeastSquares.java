package org.manfadh.statistics.forecast;

/** Ridge least squares by the normal equations and a Cholesky factorisation: the systems here have a few dozen unknowns. */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * The β minimising |y − Xβ|² + Σ penalty[j]·β[j]².
     *
     * @param x rows of the design matrix
     */
    static double[] solve(double[][] x, double[] y, double[] penalty) {
        int p = penalty.length;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            for (int j = 0; j < p; j++) {
                double v = row[j];
                if (v == 0) {
                    continue;
                }
                b[j] += v * y[i];
                for (int k = 0; k <= j; k++) {
                    a[j][k] += v * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            // A tiny floor keeps a column that is all zeros (an unseen weekday or event day) solvable even without a penalty.
            a[j][j] += penalty[j] + 1e-9;
            for (int k = 0; k < j; k++) {
                a[k][j] = a[j][k];
            }
        }
        // Cholesky: A = L Lᵀ, A symmetric positive definite by the penalty.
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                throw new ArithmeticException("the normal equations are not positive definite");
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < p; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] beta = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * beta[k];
            }
            beta[i] = s / l[i][i];
        }
        return beta;
    }
}
