package org.qpspin.dynamics;

import org.ejml.data.DMatrixSparseCSC;

/**
 * exp(tA)v by the truncated Taylor series with scaling of Al-Mohy and Higham, "Computing the action of the matrix
 * exponential, with an application to exponential integrators", SIAM J. Sci. Comput. 33 (2011) 488–511
 * (Algorithm 3.2 with the shift of §3.1 and the early termination of Code Fragment 3.1); only products with A.
 *
 * <p>With the shift μ = trace(A)/n and B = A − μI, exp(tA)v = e^{tμ} (T_m(tB/s))^s v, T_m the Taylor polynomial
 * of degree m. The degree m and the number of steps s minimize the product count m·s subject to
 * α_p(tB)/s ≤ θ_m for some 2 ≤ p ≤ p_max with p(p−1) − 1 ≤ m, where α_p = max(d_p, d_{p+1}),
 * d_p = ‖B^p‖₁^{1/p}, and θ_m (double precision, u = 2⁻⁵³; the paper's Table 3.1 and Higham's "Functions of
 * Matrices" Table A.3) is the largest argument for which the truncation is a backward error of relative size
 * ≤ u: the computed vector is exp(t(A + ΔA))v with ‖ΔA‖₁ ≤ u‖B‖₁ in exact arithmetic. For ‖tB‖₁ ≤
 * 4θ_{m_max}p_max(p_max+3)/m_max the d_p are replaced by ‖tB‖₁ itself (no estimation); otherwise they are
 * estimated by Higham's 1-norm estimator (a lower bound, as in the paper and SciPy's expm_multiply).
 *
 * <p>Error reported (‖·‖₁, for a generator or sub-generator A, whose semigroup is an ℓ¹ contraction): by
 * Duhamel's formula ‖e^{t(A+ΔA)}v − e^{tA}v‖₁ ≤ t‖ΔA‖₁ e^{t‖ΔA‖₁} ‖v‖₁, so u‖tB‖₁e^{u‖tB‖₁}‖v‖₁, plus an
 * first-order rounding estimate accumulated along the run: the product B b_{k−1} scaled by t/(sk) errs by at most
 * γ_{r+1}(‖tB‖₁/(sk))‖b_{k−1}‖₁ in ‖·‖₁ (r = longest row), each addition to f by u‖f‖₁, and later steps
 * (≈ e^{tA/s}, an ℓ¹ contraction) do not amplify these to first order.
 * Not subtraction-free: entries of the result may be slightly negative (of the order of the bound).
 */
public final class TaylorExpmv {

    private static final double U = 0x1p-53;
    /** Degrees with a tabulated θ_m (double precision). */
    private static final int[] DEGREES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
        22, 23, 24, 25, 26, 27, 28, 29, 30, 35, 40, 45, 50, 55};
    private static final double[] THETA = {2.29e-16, 2.58e-8, 1.39e-5, 3.40e-4, 2.40e-3, 9.07e-3, 2.38e-2, 5.00e-2,
        8.96e-2, 1.44e-1, 2.14e-1, 3.00e-1, 4.00e-1, 5.14e-1, 6.41e-1, 7.81e-1, 9.31e-1, 1.09, 1.26, 1.44, 1.62,
        1.82, 2.01, 2.22, 2.43, 2.64, 2.86, 3.08, 3.31, 3.54, 4.7, 6.0, 7.2, 8.5, 9.9};
    private static final int M_MAX = 55;
    private static final int P_MAX = 8;

    private final CscOperator a;
    private final double shift;
    private final double normB;
    /** α_p(B) for p = 2 … p_max (index p − 2), estimated once: α_p(tB) = t α_p(B). */
    private double[] alpha;
    private long estimationMatvecs;

    private TaylorExpmv(CscOperator a) {
        this.a = a;
        this.shift = a.n == 0 ? 0.0 : a.trace() / a.n;
        this.normB = a.norm1(shift);
    }

    /**
     * {@return the method for {@code matrix} (kept by reference, not modified)}
     *
     * @param matrix the generator (CSC)
     */
    public static TaylorExpmv of(DMatrixSparseCSC matrix) {
        return new TaylorExpmv(new CscOperator(matrix));
    }

    /**
     * {@return the chosen degree m and step count s for time t; {@code [m, s]}}
     *
     * @param t the time in s (≥ 0)
     */
    public int[] degreeAndSteps(double t) {
        double tNorm = t * normB;
        if (tNorm == 0.0) {
            return new int[] {0, 0};
        }
        double[] al = new double[P_MAX - 1];
        if (tNorm <= 4.0 * THETA[THETA.length - 1] * P_MAX * (P_MAX + 3) / M_MAX) {
            java.util.Arrays.fill(al, tNorm);
        } else {
            double[] base = alphas();
            for (int i = 0; i < al.length; i++) {
                al[i] = t * base[i];
            }
        }
        long best = Long.MAX_VALUE;
        int bestM = 0;
        int bestS = 0;
        for (int p = 2; p <= P_MAX; p++) {
            for (int i = 0; i < DEGREES.length; i++) {
                int m = DEGREES[i];
                if (m < p * (p - 1) - 1) {
                    continue;
                }
                double steps = Math.ceil(al[p - 2] / THETA[i]);
                if (steps > 1e15) {
                    continue;
                }
                long cost = (long) (m * Math.max(steps, 1.0));
                if (cost < best || (cost == best && m < bestM)) {
                    best = cost;
                    bestM = m;
                    bestS = (int) Math.min(Integer.MAX_VALUE, Math.max(steps, 1.0));
                }
            }
        }
        return new int[] {bestM, bestS};
    }

    /**
     * {@return predicted products m·s for time t (plus the one-off norm estimation if it has not been done)}
     *
     * @param t the time in s (≥ 0)
     */
    public long predictedMatvecs(double t) {
        long before = estimationMatvecs;
        int[] ms = degreeAndSteps(t);
        return (long) ms[0] * ms[1] + (estimationMatvecs - before);
    }

    /**
     * {@return exp(tA) v}
     *
     * @param v vector (not modified)
     * @param t time ≥ 0
     */
    public Propagation apply(double[] v, double t) {
        if (v.length != a.n) {
            throw new IllegalArgumentException("vector has " + v.length + " entries, operator " + a.n);
        }
        if (!(t >= 0.0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time must be finite and >= 0, got " + t);
        }
        long before = estimationMatvecs;
        int[] ms = degreeAndSteps(t);
        int m = ms[0];
        int s = ms[1];
        if (m == 0) {
            return new Propagation(v.clone(), t, "taylor", 0.0, 0);
        }
        double vNorm = CscOperator.norm1(v);
        double[] f = v.clone();
        double[] b = v.clone();
        double[] y = new double[a.n];
        double eta = Math.exp(t * shift / s);
        long mv = 0;
        double tNorm = t * normB;
        double gamma = (a.maxRowEntries + 1) * U;
        double rounding = 0.0;
        for (int step = 0; step < s; step++) {
            double c1 = CscOperator.normInf(b);
            for (int k = 1; k <= m; k++) {
                rounding += gamma * (tNorm / ((double) s * k)) * CscOperator.norm1(b);
                a.multiply(b, y, shift);
                mv++;
                double scale = t / ((double) s * k);
                for (int i = 0; i < a.n; i++) {
                    b[i] = scale * y[i];
                    f[i] += b[i];
                }
                double c2 = CscOperator.normInf(b);
                if (c1 + c2 <= U * CscOperator.normInf(f)) {
                    break;
                }
                c1 = c2;
            }
            for (int i = 0; i < a.n; i++) {
                f[i] *= eta;
                b[i] = f[i];
            }
            rounding += (m + 1) * U * CscOperator.norm1(f);
        }
        double truncation = U * tNorm * Math.exp(U * tNorm) * vNorm;
        return new Propagation(f, t, "taylor", (truncation + rounding) * 1.01,
                mv + (estimationMatvecs - before));
    }

    /** {@return ‖A − μI‖₁ with the shift μ = trace/n} */
    public double shiftedNorm() {
        return normB;
    }

    private double[] alphas() {
        if (alpha == null) {
            double[] d = new double[P_MAX + 2];
            for (int p = 2; p <= P_MAX + 1; p++) {
                d[p] = Math.pow(estimatePowerNorm(p), 1.0 / p);
            }
            alpha = new double[P_MAX - 1];
            for (int p = 2; p <= P_MAX; p++) {
                alpha[p - 2] = Math.max(d[p], d[p + 1]);
            }
        }
        return alpha;
    }

    /**
     * ‖B^p‖₁ by Higham's estimator (N. J. Higham, ACM TOMS 14 (1988) 381, Algorithm 4.1, the LAPACK xLACON
     * iteration): a lower bound, usually exact within a factor 3.
     */
    private double estimatePowerNorm(int p) {
        int n = a.n;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        double est = 0.0;
        int last = -1;
        for (int iter = 0; iter < 5; iter++) {
            power(x, y, p, false);
            double e = CscOperator.norm1(y);
            if (iter > 0 && e <= est) {
                est = Math.max(est, e);
                break;
            }
            est = e;
            for (int i = 0; i < n; i++) {
                y[i] = y[i] >= 0.0 ? 1.0 : -1.0;
            }
            power(y, z, p, true);
            int j = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(z[i]) > Math.abs(z[j])) {
                    j = i;
                }
            }
            if (j == last) {
                break;
            }
            last = j;
            java.util.Arrays.fill(x, 0.0);
            x[j] = 1.0;
        }
        // alternative vector x_i = (−1)^i (1 + i/(n−1)) guards against the estimator's known failures
        for (int i = 0; i < n; i++) {
            x[i] = (i % 2 == 0 ? 1.0 : -1.0) * (1.0 + (n > 1 ? (double) i / (n - 1) : 0.0));
        }
        power(x, y, p, false);
        return Math.max(est, 2.0 * CscOperator.norm1(y) / (3.0 * n));
    }

    private void power(double[] x, double[] out, int p, boolean transpose) {
        double[] u = x.clone();
        for (int k = 0; k < p; k++) {
            if (transpose) {
                a.multiplyTranspose(u, out, shift);
            } else {
                a.multiply(u, out, shift);
            }
            estimationMatvecs++;
            System.arraycopy(out, 0, u, 0, u.length);
        }
    }
}
