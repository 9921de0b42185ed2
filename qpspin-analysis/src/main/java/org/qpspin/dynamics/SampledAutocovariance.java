package org.qpspin.dynamics;

import org.qpspin.generator.Generator;
import org.qpspin.noise.Observable;

/**
 * Computes {@link SampledCorrelation}: the exact autocovariance of the stationary chain sampled every Δt.
 *
 * <p>How: v_0 = p ∘ δo, v_k = e^{LΔt} v_{k−1} by the kernel ({@link ExponentialAction}, uniformization for a
 * generator unless the Taylor method is cheaper), C_k = δoᵀ v_k. Each v_k sums to 0 (1ᵀL = 0), so
 * |C_k| ≤ ½ (max δo − min δo) ‖v_k‖₁, and ‖v_k‖₁ is non-increasing (e^{LΔt} is an ℓ¹ contraction), so the
 * C_k decay at least as fast as ‖v_k‖₁. The lags continue until k ≥ the lags asked for and the tail estimate
 * Σ_{j&gt;k} |C_j| ≈ max_{last four} |C_j| · ρ/(1 − ρ) is below tolerance × C_0, ρ the largest of the last four
 * ratios ‖v_j‖₁/‖v_{j−1}‖₁ (a geometric extrapolation: an estimate, not a bound); they also stop once ‖v_k‖₁ ≤ 64u‖v_0‖₁, where the C_k are rounding noise
 * (converged then if the tail estimate, or halfRange ‖v_k‖₁ ρ/(1 − ρ) when smaller, meets the tolerance). Cost: about q·KΔt products, K Δt ≈ (relaxation time) × log(1/tol),
 * independent of Δt.
 */
public final class SampledAutocovariance {

    /** Default relative tolerance on the tail of the lag sums. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Cap on the number of lags. */
    public static final int MAX_LAGS = 10_000_000;

    private final Generator generator;
    private final double[] p;
    private final ExponentialAction kernel;

    private SampledAutocovariance(Generator generator, double[] p) {
        this.generator = generator;
        this.p = p;
        this.kernel = ExponentialAction.of(generator.matrix());
    }

    /**
     * For the stationary chain of {@code generator} with stationary law {@code stationary} (by state index).
     *
     * @param generator the truncated generator L
     * @param stationary its stationary probabilities, by state index
     * @return the autocovariance of the chain sampled in time
     * @throws IllegalArgumentException if the lengths differ
     */
    public static SampledAutocovariance of(Generator generator, double[] stationary) {
        if (stationary.length != generator.size()) {
            throw new IllegalArgumentException("stationary vector has " + stationary.length + " entries, generator "
                    + generator.size());
        }
        return new SampledAutocovariance(generator, stationary.clone());
    }

    /**
     * {@return C_k for k = 0 … at least {@code lags}, sampled every {@code dt}, with the sums closed to {@code
     * tolerance}}
     *
     * @param dt        Δt &gt; 0, s
     * @param lags      lags wanted ≥ 0 (more are computed when the sums need them)
     * @param tolerance relative tolerance on the tail, in (0, 1)
     * @param observable f, the function of (N, m) whose samples are correlated
     * @throws IllegalArgumentException for a bad Δt, lag count or tolerance
     */
    public SampledCorrelation compute(Observable observable, double dt, int lags, double tolerance) {
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("sampling interval must be finite and > 0, got " + dt);
        }
        if (lags < 0 || lags > MAX_LAGS) {
            throw new IllegalArgumentException("lags must be in [0, " + MAX_LAGS + "], got " + lags);
        }
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        double[] o = observable.evaluate(generator.space());
        int n = o.length;
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            mean += p[i] * o[i];
        }
        double[] d = new double[n];
        double[] v = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            d[i] = o[i] - mean;
            v[i] = p[i] * d[i];
            lo = Math.min(lo, d[i]);
            hi = Math.max(hi, d[i]);
        }
        double halfRange = 0.5 * (hi - lo); // |C_k| <= halfRange ||v_k||_1 (used once the v_k are noise)
        double[] c = new double[Math.max(16, lags + 1)];
        c[0] = dot(d, v);
        double[] ratios = new double[4];
        double previousNorm = CscOperator.norm1(v);
        // below this the v_k are rounding noise (ratios near 1 mean nothing there): stop
        double floor = 64.0 * 0x1p-53 * previousNorm;
        double rho = 1.0;
        double bound = 0.0;
        String method = "none";
        int k = 0;
        double tail = Double.POSITIVE_INFINITY;
        boolean converged = false;
        if (c[0] == 0.0) {
            return new SampledCorrelation(observable.name(), dt, mean, new double[] {0.0}, 0.0, 0.0, true, method);
        }
        while (k < MAX_LAGS) {
            Propagation step = kernel.apply(v, dt);
            v = step.vector();
            bound += step.errorBound();
            method = step.method();
            k++;
            if (k == c.length) {
                c = java.util.Arrays.copyOf(c, 2 * k);
            }
            c[k] = dot(d, v);
            double norm = CscOperator.norm1(v);
            if (norm <= floor) {
                // the tail from here on is below the rounding of the C_k themselves. |C_j| ≤ halfRange ‖v_j‖₁ for
                // j > k too, so with the norms' ratio ρ the tail is also ≤ halfRange ‖v_k‖₁ ρ/(1 − ρ): when the C_k
                // fall fast (Δt of a few τ_N: a factor 15 per lag), the max over the last four lags is C_{k−3},
                // thousands of times C_k, and alone it would call a converged sum unconverged
                tail = rho < 1.0 ? Math.min(recent(c, k), halfRange * norm) * rho / (1.0 - rho) : halfRange * norm;
                if (k >= lags) {
                    converged = tail <= tolerance * Math.abs(c[0]);
                    break;
                }
                continue;
            }
            ratios[k % 4] = previousNorm > 0.0 ? norm / previousNorm : 0.0;
            previousNorm = norm;
            if (k >= 4) {
                rho = Math.max(Math.max(ratios[0], ratios[1]), Math.max(ratios[2], ratios[3]));
            }
            if (k >= lags && k >= 4 && rho < 1.0) {
                tail = recent(c, k) * rho / (1.0 - rho);
                if (tail <= tolerance * Math.abs(c[0])) {
                    converged = true;
                    break;
                }
            }
        }
        return new SampledCorrelation(observable.name(), dt, mean, java.util.Arrays.copyOf(c, k + 1), tail,
                bound * Math.max(Math.abs(lo), Math.abs(hi)), converged, method);
    }

    /** max |C_j| over the last four lags up to k. */
    private static double recent(double[] c, int k) {
        double m = 0.0;
        for (int j = Math.max(1, k - 3); j <= k; j++) {
            m = Math.max(m, Math.abs(c[j]));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
