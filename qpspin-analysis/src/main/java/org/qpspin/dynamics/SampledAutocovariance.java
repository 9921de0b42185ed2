package org.qpspin.dynamics;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;
import org.qpspin.noise.Observable;

/**
 * Computes {@link SampledCorrelation}: the exact autocovariance of the stationary chain sampled every Δt.
 *
 * <p>How: v_0 = p ∘ δo, v_k = e^{LΔt} v_{k−1} by the kernel ({@link ExponentialAction}, uniformization for a
 * generator unless the Taylor method is cheaper), C_k = δoᵀ v_k. In exact arithmetic every v_k sums to 0
 * (1ᵀL = 0, Σ v_0 = Σ p_i (o_i − ⟨o⟩) = 0). In floating point Σ v_0 is the rounding of the mean (e.g. −3.8·10⁻¹⁴
 * for N on a 901-state SR chain with a dense GTH vector) and that multiple of p is invariant under e^{LΔt}: left in,
 * ‖v_k‖₁ stalls at it and no decay-based rule can stop. So the share along p is removed from v_0 and again after
 * every step, v ← v − (Σ v) p (the projection onto {Σ v = 0} along p, which e^{LΔt} commutes with): it changes C_k
 * by (Σ v) δoᵀp, a product of two rounding errors, and keeps the error of every v_k relative to ‖v_k‖₁, so the
 * v_k decay geometrically (at the chain's slowest rate, ρ = e^{−γ₁Δt} per lag) down to the underflow range.
 *
 * <p>Stopping rule: the lags continue until k ≥ the lags asked for, k ≥ 4, and the tail estimate
 * T_k = min(max_{last four} |C_j|, halfRange ‖v_k‖₁) · ρ/(1 − ρ) ≤ tolerance × C_0, with ρ the largest of the
 * last four ratios ‖v_j‖₁/‖v_{j−1}‖₁ and halfRange = ½ (max δo − min δo). Why the second term: Σ v_j = 0 gives
 * |C_j| ≤ halfRange ‖v_j‖₁, and ‖v_j‖₁ ≤ ρ^{j−k} ‖v_k‖₁ while the decay holds, so the tail Σ_{j&gt;k} |C_j| is at
 * most halfRange ‖v_k‖₁ ρ/(1 − ρ); it matters when the C_k fall fast (Δt of a few τ_N: a factor 15 per lag),
 * where the last four lags' max is C_{k−3}, thousands of times C_k. ρ is measured, so T_k is an estimate (a
 * geometric extrapolation), not a bound. Cap: at most {@code maxLags} lags ({@link #MAX_LAGS} by default); a
 * sequence stopped by the cap is reported with {@code converged = false} and its last T_k. Cost: about q·KΔt
 * products, K Δt ≈ (1/γ₁) × ln(1/tol), independent of Δt.
 *
 * <p>Progress ({@link #compute(Observable, double, int, double, int, ProgressListener)}): one phase in per mille,
 * the larger of the share of the lag cap used and ln(s_k / C_0) / ln(tolerance (1 − ρ)/ρ), s_k = min(max_{last
 * four} |C_j|, halfRange ‖v_k‖₁): the share of the decades from C_0 to the size at which the rule stops (at the
 * current ρ) that the sequence has fallen; never going back, and ending at its total when the loop stops.
 * Listening changes no bit of the result.
 */
public final class SampledAutocovariance {

    /** Default relative tolerance on the tail of the lag sums. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Cap on the number of lags. */
    public static final int MAX_LAGS = 10_000_000;
    /** The progress phase's total: per mille. */
    private static final long PER_MILLE = 1000;

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
     * tolerance}}; at most {@link #MAX_LAGS} lags, silently
     *
     * @param dt        Δt &gt; 0, s
     * @param lags      lags wanted ≥ 0 (more are computed when the sums need them)
     * @param tolerance relative tolerance on the tail, in (0, 1)
     * @param observable f, the function of (N, m) whose samples are correlated
     * @throws IllegalArgumentException for a bad Δt, lag count or tolerance
     */
    public SampledCorrelation compute(Observable observable, double dt, int lags, double tolerance) {
        return compute(observable, dt, lags, tolerance, MAX_LAGS, ProgressListener.NONE);
    }

    /**
     * {@return C_k for k = 0 … at least {@code lags}, sampled every {@code dt}, with the sums closed to {@code
     * tolerance} (see the class comment for the rule), or stopped at {@code maxLags} lags with {@code converged =
     * false}}
     *
     * @param observable f, the function of (N, m) whose samples are correlated
     * @param dt        Δt &gt; 0, s
     * @param lags      lags wanted, in [0, maxLags] (more are computed when the sums need them)
     * @param tolerance relative tolerance on the tail, in (0, 1)
     * @param maxLags   the cap on the lags, in [max(lags, 4), {@link #MAX_LAGS}]
     * @param progress  where the lag loop reports (one phase, per mille; see the class comment);
     *                  {@link ProgressListener#NONE} or null for nothing
     * @throws IllegalArgumentException for a bad Δt, lag count, cap or tolerance
     */
    public SampledCorrelation compute(Observable observable, double dt, int lags, double tolerance, int maxLags,
                                      ProgressListener progress) {
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("sampling interval must be finite and > 0, got " + dt);
        }
        if (lags < 0 || lags > MAX_LAGS) {
            throw new IllegalArgumentException("lags must be in [0, " + MAX_LAGS + "], got " + lags);
        }
        if (maxLags < Math.max(lags, 4) || maxLags > MAX_LAGS) {
            throw new IllegalArgumentException("the lag cap must be in [max(lags, 4) = " + Math.max(lags, 4) + ", "
                    + MAX_LAGS + "], got " + maxLags);
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
        removeStationaryShare(v);
        double halfRange = 0.5 * (hi - lo); // |C_k| <= halfRange ||v_k||_1 since sum v_k = 0
        double[] c = new double[Math.max(16, lags + 1)];
        c[0] = dot(d, v);
        if (c[0] == 0.0) {
            return new SampledCorrelation(observable.name(), dt, mean, new double[] {0.0}, 0.0, 0.0, true, "none");
        }
        double target = tolerance * Math.abs(c[0]);
        WorkCounter counter = WorkCounter.start(progress, "exact autocovariance: lags", PER_MILLE);
        long reported = 0;
        double[] ratios = new double[4];
        double previousNorm = CscOperator.norm1(v);
        double rho = 1.0;
        double bound = 0.0;
        String method = "none";
        int k = 0;
        double tail = Double.POSITIVE_INFINITY;
        boolean converged = false;
        while (k < maxLags) {
            Propagation step = kernel.apply(v, dt);
            v = step.vector();
            removeStationaryShare(v);
            bound += step.errorBound();
            method = step.method();
            k++;
            if (k == c.length) {
                c = java.util.Arrays.copyOf(c, (int) Math.min(2L * k, maxLags + 1L));
            }
            c[k] = dot(d, v);
            double norm = CscOperator.norm1(v);
            ratios[k % 4] = previousNorm > 0.0 ? norm / previousNorm : 0.0;
            previousNorm = norm;
            if (k >= 4) {
                rho = Math.max(Math.max(ratios[0], ratios[1]), Math.max(ratios[2], ratios[3]));
            }
            double size = Math.min(recent(c, k), halfRange * norm); // what the tail is made of
            if (norm == 0.0) { // the v_k vanished (underflow): nothing is left
                tail = 0.0;
            } else if (k >= 4 && rho < 1.0) {
                tail = size * rho / (1.0 - rho);
            }
            if (k >= lags && tail <= target) {
                converged = true;
                break;
            }
            if (counter != WorkCounter.NONE) {
                double share = (double) k / maxLags;
                double goal = tolerance * (1.0 - rho) / rho; // the size/C_0 at which the rule stops, at this rho
                if (norm == 0.0) {
                    share = 1.0;
                } else if (k >= 4 && rho < 1.0 && goal < 1.0 && size > 0.0) {
                    share = Math.max(share, Math.log(size / Math.abs(c[0])) / Math.log(goal));
                }
                long done = Math.min(PER_MILLE, Math.round(PER_MILLE * share));
                if (done > reported) {
                    counter.add(done - reported);
                    reported = done;
                }
            }
        }
        counter.finish();
        return new SampledCorrelation(observable.name(), dt, mean, java.util.Arrays.copyOf(c, k + 1), tail,
                bound * Math.max(Math.abs(lo), Math.abs(hi)), converged, method);
    }

    /** v ← v − (Σ v) p: the share of the invariant direction p, which in exact arithmetic is 0. */
    private void removeStationaryShare(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x;
        }
        if (sum != 0.0) {
            for (int i = 0; i < v.length; i++) {
                v[i] -= sum * p[i];
            }
        }
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
