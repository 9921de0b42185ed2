package org.qpspin.stationary;

/**
 * Group-inverse solves with the UL factorization left by the level elimination.
 *
 * <p>With Q = Lᵀ (row convention) the GTH censoring from the last state down is the elimination
 * Q = U D L', U unit upper triangular with U_ik = −q[i][k]/s_k, D = diag(−s_k) with s_0 = 0, L' unit lower
 * triangular with L'_kj = −q[k][j]/s_k ({@link LevelElimination}). L x = b is L'ᵀ D Uᵀ x = b:
 * <ol>
 *   <li>L'ᵀ y = b, from the last state down: y_j += (y_k / s_k) q[k][j] over the kept row of k;</li>
 *   <li>z = D⁻¹ y, with z_0 free because s_0 = 0 (consistent since y_0 = Σ b = 0): take z_0 = 0;</li>
 *   <li>Uᵀ x = z, upwards: x_k = (Σ_i q[i][k] x_i − y_k) / s_k over the kept column of k;</li>
 *   <li>x −= (Σ x) p, since Uᵀ p ∝ e_0 makes p the only freedom.</li>
 * </ol>
 * One pass over the kept data per solve, in place in x, no allocation. With a mixed-sign b the steps subtract,
 * so the accuracy is that of a triangular solve rather than entrywise, and it depends on where the singular pivot
 * sits: step 1 sums b over the states above each state, which for the states below the peak of p is a
 * cancellation leaving a result of order p, and step 3 amplifies such an error δ at state j by up to p_k / p_j.
 * The error is therefore about ε p_max / p(0, 0) relative; {@link LevelSolver#factorize} uses this class only
 * when p(0, 0) is within {@link LevelSolver#MAX_PEAK_TO_ORIGIN} of the peak.
 */
final class LevelFactorization implements StationaryFactorization {

    private final LevelElimination elimination;
    private final StationaryResult stationary;

    LevelFactorization(LevelElimination elimination, StationaryResult stationary) {
        this.elimination = elimination;
        this.stationary = stationary;
    }

    @Override
    public StationaryResult stationary() {
        return stationary;
    }

    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        LevelElimination e = elimination;
        int n = e.pivot.length;
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n);
        }
        if (b == x) {
            throw new IllegalArgumentException("x may not alias b");
        }
        System.arraycopy(b, 0, x, 0, n);
        int[] offset = e.offset;
        double[] pivot = e.pivot;
        double[] out = e.outRow;
        double[] in = e.inColumn;
        for (int top = e.maxN; top >= 1; top--) {
            int lo = offset[top];
            int colStart = e.columnStart(top);
            int base = lo - colStart;
            long level = e.outBase[top];
            for (int k = offset[top + 1] - 1; k >= lo; k--) {
                double f = x[k] / pivot[k];
                if (f != 0.0) {
                    int at = (int) (level + LevelElimination.segment(k - lo, base));
                    for (int j = 0, c = k - colStart; j < c; j++) {
                        x[colStart + j] += f * out[at + j];
                    }
                }
            }
        }
        x[0] = 0.0;
        for (int top = 1; top <= e.maxN; top++) {
            int rowStart = offset[top - 1];
            int lo = offset[top];
            int below = lo - rowStart;
            long level = e.inBase[top];
            for (int k = lo, hi = offset[top + 1]; k < hi; k++) {
                int at = (int) (level + LevelElimination.segment(k - lo, below));
                double acc = -x[k];
                for (int i = 0, r = k - rowStart; i < r; i++) {
                    acc += in[at + i] * x[rowStart + i];
                }
                x[k] = acc / pivot[k];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        double[] p = stationary.probabilitiesView();
        for (int i = 0; i < n; i++) {
            x[i] -= sum * p[i];
        }
    }

    @Override
    public String solver() {
        return stationary.solver();
    }
}
