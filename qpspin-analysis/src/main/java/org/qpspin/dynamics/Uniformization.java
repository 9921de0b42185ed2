package org.qpspin.dynamics;

import org.ejml.data.DMatrixSparseCSC;

/**
 * exp(tL)v by uniformization (Jensen's method): with q ≥ max_j (−L_jj), P = I + L/q is entrywise non-negative
 * and column-substochastic, and
 * <pre>  exp(tL) v = e^{−qt} Σ_k (qt)^k/k! P^k v = Σ_k π_k(qt) P^k v.</pre>
 *
 * <p>Subtraction-free for a generator and a non-negative v (proof: every entry of P is ≥ 0 — the off-diagonal
 * L_ij/q ≥ 0 and the diagonal 1 − e_j/q ≥ 0 because q ≥ e_j, which floating-point division preserves — so every
 * P^k v and every partial sum is a sum of non-negative terms). The result is non-negative and its mass is
 * Σ v minus what sub-stochastic columns let out.
 *
 * <p>Error (total variation, ‖v‖₁ = 1): the Poisson window's truncation 2T/W ({@link PoissonWeights}), plus the
 * rounding: one product with P errs by at most γ_{r+1} = (r+1)u/(1−(r+1)u) relative in ‖·‖₁ (r = longest row,
 * each output entry a sum of ≤ r non-negative terms, the diagonal one computed with one more rounding), errors
 * are not amplified by later products (‖P‖₁ ≤ 1), and the weighted sum adds one more rounding per term:
 * bound (R(r+1) + (R − L) + 2)·u·‖v‖₁·1.01 with R, L the window's ends. The same bounds hold for a signed v
 * (|P^k v| ≤ P^k |v| since P ≥ 0), only the non-negativity of the result is lost.
 *
 * <p>Cost: R ≈ qt + O(√(qt)) products with P.
 */
public final class Uniformization {

    private static final double U = 0x1p-53;

    private final CscOperator p;
    private final double rate;
    /** 1 for a column without a stored diagonal (its P_jj = 1), else 0. */
    private final double[] implicitDiagonal;

    private Uniformization(CscOperator p, double rate) {
        this.p = p;
        this.rate = rate;
        this.implicitDiagonal = new double[p.n];
        for (int j = 0; j < p.n; j++) {
            boolean stored = false;
            for (int k = p.colIdx[j], e = p.colIdx[j + 1]; k < e; k++) {
                stored |= p.rows[k] == j;
            }
            implicitDiagonal[j] = stored ? 0.0 : 1.0;
        }
    }

    /**
     * {@return the uniformized chain of {@code generator} with q = max_j (−L_jj)}
     *
     * @param generator off-diagonal entries ≥ 0, columns summing to ≤ 0 (a generator or sub-generator); not
     *                  modified
     * @throws IllegalArgumentException for a negative off-diagonal or a positive diagonal entry
     */
    public static Uniformization of(DMatrixSparseCSC generator) {
        CscOperator l = new CscOperator(generator);
        double q = 0.0;
        for (int j = 0; j < l.n; j++) {
            for (int k = l.colIdx[j], e = l.colIdx[j + 1]; k < e; k++) {
                double v = l.values[k];
                if (l.rows[k] == j) {
                    if (v > 0.0) {
                        throw new IllegalArgumentException("not a generator: positive diagonal " + v + " at " + j);
                    }
                    q = Math.max(q, -v);
                } else if (v < 0.0) {
                    throw new IllegalArgumentException("not a generator: negative rate " + v + " at (" + l.rows[k]
                            + ", " + j + ")");
                }
            }
        }
        DMatrixSparseCSC pm = generator.copy();
        // P = I + L/q; a column without a stored diagonal (an absorbing state) keeps P_jj = 1 through the shift below
        CscOperator op = new CscOperator(pm);
        if (q > 0.0) {
            for (int j = 0; j < op.n; j++) {
                for (int k = op.colIdx[j], e = op.colIdx[j + 1]; k < e; k++) {
                    if (op.rows[k] == j) {
                        op.values[k] = 1.0 - (-op.values[k]) / q; // 1 − e_j/q ≥ 0
                    } else {
                        op.values[k] = op.values[k] / q;
                    }
                }
            }
        }
        return new Uniformization(op, q);
    }

    /** {@return q, the uniformization rate in s⁻¹ (0 for L = 0)} */
    public double rate() {
        return rate;
    }

    /**
     * {@return products with P that {@code apply(v, t, epsilon)} will spend: the right end of the Poisson window}
     *
     * @param t the time in s (≥ 0)
     * @param epsilon the total-variation truncation error of the Poisson window, in (0, 1)
     */
    public long predictedMatvecs(double t, double epsilon) {
        return rate == 0.0 ? 0 : PoissonWeights.of(rate * t, epsilon).right();
    }

    /**
     * {@return exp(tL) v}
     *
     * @param v       vector (not modified)
     * @param t       time ≥ 0
     * @param epsilon truncation tolerance (total variation, relative to ‖v‖₁)
     */
    public Propagation apply(double[] v, double t, double epsilon) {
        if (v.length != p.n) {
            throw new IllegalArgumentException("vector has " + v.length + " entries, operator " + p.n);
        }
        if (!(t >= 0.0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time must be finite and >= 0, got " + t);
        }
        double norm = CscOperator.norm1(v);
        if (rate == 0.0 || t == 0.0) {
            return new Propagation(v.clone(), t, "uniformization", 0.0, 0);
        }
        PoissonWeights w = PoissonWeights.of(rate * t, epsilon);
        int left = w.left();
        int right = w.right();
        double[] x = v.clone();
        double[] y = new double[p.n];
        double[] sum = new double[p.n];
        if (left == 0) {
            axpy(w.weight(0), x, sum);
        }
        for (int k = 1; k <= right; k++) {
            multiplyP(x, y);
            double[] swap = x;
            x = y;
            y = swap;
            if (k >= left) {
                axpy(w.weight(k), x, sum);
            }
        }
        double rounding = ((double) right * (p.maxRowEntries + 1) + (right - left) + 2) * U * 1.01;
        double bound = (w.truncationError() + rounding) * norm;
        return new Propagation(sum, t, "uniformization", bound, right);
    }

    /** y = P x: P's diagonal is stored (or 1 for a column without one, an absorbing state). */
    private void multiplyP(double[] x, double[] y) {
        java.util.Arrays.fill(y, 0.0);
        for (int j = 0; j < p.n; j++) {
            double xj = x[j];
            if (xj == 0.0) {
                continue;
            }
            for (int k = p.colIdx[j], e = p.colIdx[j + 1]; k < e; k++) {
                y[p.rows[k]] += p.values[k] * xj;
            }
            y[j] += implicitDiagonal[j] * xj;
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        if (a == 0.0) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
