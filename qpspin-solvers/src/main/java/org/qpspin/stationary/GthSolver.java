package org.qpspin.stationary;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;

/**
 * Dense Grassmann–Taksar–Heyman elimination: the subtraction-free oracle for small chains.
 *
 * <p>W. K. Grassmann, M. I. Taksar, D. P. Heyman, "Regenerative analysis and steady state distributions for
 * Markov chains", Oper. Res. 33, 1107 (1985). With q[i][j] = rate(i → j), states are censored from the last
 * to the first: s_k = Σ_{j&lt;k} q[k][j], then q[i][j] += q[i][k] q[k][j] / s_k for i, j &lt; k. Back
 * substitution p_0 = 1, p_k = Σ_{i&lt;k} p_i q[i][k] / s_k. Only additions of non-negative numbers,
 * multiplications and divisions occur, so every probability is computed to a small relative error
 * (O(n³ ε) worst case, far less in practice), however tiny. To keep p_k inside the double range, the partial
 * vector is rescaled by a power of two whenever an entry exceeds 2^600.
 *
 * <p>Cost n³/3 flops and n² doubles: limited to {@link #MAX_STATES} states.
 */
final class GthSolver extends BuiltInSolver {

    /** Largest chain accepted (a dense n × n array of doubles). */
    static final int MAX_STATES = 6000;

    private static final double RESCALE_THRESHOLD = 0x1p600;

    @Override
    public SolverKind kind() {
        return SolverKind.GTH;
    }

    @Override
    public StationaryResult solve(Generator generator) {
        long start = System.nanoTime();
        int n = generator.size();
        if (n > MAX_STATES) {
            throw new IllegalArgumentException("dense GTH is limited to " + MAX_STATES + " states, got " + n
                    + "; use the levels or lu solver");
        }
        double[][] q = new double[n][n];
        DMatrixSparseCSC l = generator.matrix();
        for (int j = 0; j < n; j++) { // column j of L = transitions out of j = row j of q
            for (int k = l.col_idx[j]; k < l.col_idx[j + 1]; k++) {
                int i = l.nz_rows[k];
                if (i != j) {
                    q[j][i] = l.nz_values[k];
                }
            }
        }
        double[] s = new double[n];
        for (int k = n - 1; k > 0; k--) {
            double[] rowK = q[k];
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                sum += rowK[j];
            }
            if (!(sum > 0.0)) {
                throw new IllegalArgumentException("chain is reducible: state " + k + " (N="
                        + generator.space().levelOf(k) + ", m=" + generator.space().mOf(k)
                        + ") cannot return to lower states");
            }
            s[k] = sum;
            double inv = 1.0 / sum;
            for (int i = 0; i < k; i++) {
                double f = q[i][k];
                if (f != 0.0) {
                    f *= inv;
                    double[] rowI = q[i];
                    for (int j = 0; j < k; j++) {
                        rowI[j] += f * rowK[j];
                    }
                }
            }
        }
        double[] p = new double[n];
        p[0] = 1.0;
        for (int k = 1; k < n; k++) {
            double acc = 0.0;
            for (int i = 0; i < k; i++) {
                acc += p[i] * q[i][k];
            }
            p[k] = acc / s[k];
            if (p[k] > RESCALE_THRESHOLD) {
                for (int i = 0; i <= k; i++) {
                    p[i] *= 0x1p-600;
                }
            }
        }
        return StationaryResult.of(generator, p, name(), (System.nanoTime() - start) * 1e-9);
    }

    /** GTH for p, then a dense LU of the pinned generator for further solves (n³ flops more). */
    @Override
    public KeptFactorization factorize(Generator generator) {
        return new DenseFactorization(generator, solve(generator));
    }
}
