package org.qpspin.linalg.amg;

/**
 * Dense Gaussian elimination of a small generator with GTH pivots (W. K. Grassmann, M. I. Taksar and
 * D. P. Heyman, Oper. Res. 33, 1107 (1985)): unknowns are eliminated from the last to the first, and the pivot of
 * unknown k is −s_k with s_k = Σ_{i&lt;k} L'[i][k], the rates out of k to the states not yet eliminated (a sum of
 * non-negative terms, never a difference). The coarsest level of {@link AggregationMultigrid}.
 *
 * <p>One state, the pin, is eliminated last (give the most probable one: the others' probabilities are computed
 * relative to it, so it keeps them in range; a running rescale guards against overflow all the same). Solves: the
 * stationary vector (L p = 0, subtraction-free, p ≥ 0) and consistent singular systems L x = b (1ᵀ b = 0), x_pin
 * set to 0. O(n³/3) to factorize, O(n²) per solve, 8 n² bytes.
 */
public final class DenseGth {

    private final int n;
    /** L' after elimination, row-major: l[i * n + j]. */
    private final double[] l;
    private final double[] pivot;
    /** Internal position of every state: the pin at 0, state 0 at the pin's place. */
    private final int[] position;

    /**
     * Factorizes a generator, eliminating state {@code pin} last.
     *
     * @param a   the generator (not modified); its exit rates are not read: pivots are the sums of the rates out
     *            of each state to the states not yet eliminated
     * @param pin the state eliminated last, 0 … n − 1 (give the most probable one)
     * @throws IllegalArgumentException if a pivot is 0: some set of states has no way out to the others (the
     *                                  generator is reducible)
     */
    public DenseGth(GeneratorRows a, int pin) {
        n = a.size();
        position = new int[n];
        for (int i = 0; i < n; i++) {
            position[i] = i;
        }
        position[pin] = 0;
        position[0] = pin;
        l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                l[position[i] * n + position[a.columns()[e]]] = a.rates()[e];
            }
        }
        pivot = new double[n];
        for (int k = n - 1; k >= 1; k--) {
            double s = 0.0;
            for (int i = 0; i < k; i++) {
                s += l[i * n + k];
            }
            pivot[k] = s;
            if (!(s > 0.0)) {
                throw new IllegalArgumentException("chain is reducible: an aggregate of the coarsest level has no"
                        + " way out to the others");
            }
            // rows i < k: L[i][j] += L[i][k] L[k][j] / s for j < k, j != i (off-diagonals only)
            for (int i = 0; i < k; i++) {
                double f = l[i * n + k] / s;
                if (f == 0.0) {
                    continue;
                }
                int ri = i * n;
                int rk = k * n;
                for (int j = 0; j < k; j++) {
                    if (j != i) {
                        l[ri + j] += f * l[rk + j];
                    }
                }
            }
        }
    }

    /**
     * Number of states.
     *
     * @return n, the order of the generator
     */
    public int size() {
        return n;
    }

    /**
     * The stationary vector: q_pin = 1, q_k = Σ_{j&lt;k} L'[k][j] q_j / s_k in elimination order (a sum of
     * non-negative terms over a positive pivot: p ≥ 0 entrywise accurate), rescaled by 2⁻⁶⁰⁰ whenever the running
     * sum exceeds 2⁶⁰⁰, then normalized.
     *
     * @param p     the result (length n, overwritten)
     * @param total Σ p wanted (&gt; 0)
     */
    public void stationary(double[] p, double total) {
        double[] q = new double[n];
        q[0] = 1.0;
        double sum = 1.0;
        for (int k = 1; k < n; k++) {
            double s = 0.0;
            for (int j = 0; j < k; j++) {
                s += l[k * n + j] * q[j];
            }
            q[k] = s / pivot[k];
            sum += q[k];
            if (sum > RESCALE) { // keep the running values in range: only their ratios matter
                for (int j = 0; j <= k; j++) {
                    q[j] /= RESCALE;
                }
                sum /= RESCALE;
            }
        }
        double scale = total / sum;
        for (int i = 0; i < n; i++) {
            p[i] = q[position[i]] * scale;
        }
    }

    private static final double RESCALE = 0x1p600;

    /**
     * A solution of the consistent singular system L x = b (1ᵀ b = 0), the one with x_pin = 0: forward
     * elimination of b with the stored multipliers, back substitution over the positive pivots. For 1ᵀ b ≠ 0 the
     * pin's equation is the one left unsatisfied.
     *
     * @param b the right-hand side (length n; not modified)
     * @param x the solution (length n, overwritten)
     */
    public void solve(double[] b, double[] x) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[position[i]] = b[i];
        }
        double[] y = new double[n];
        for (int k = n - 1; k >= 1; k--) {
            double rk = r[k] / pivot[k];
            if (rk != 0.0) {
                for (int i = 0; i < k; i++) {
                    r[i] += l[i * n + k] * rk;
                }
            }
        }
        for (int k = 1; k < n; k++) {
            double s = -r[k];
            for (int j = 0; j < k; j++) {
                s += l[k * n + j] * y[j];
            }
            y[k] = s / pivot[k];
        }
        for (int i = 0; i < n; i++) {
            x[i] = y[position[i]];
        }
    }
}
