package org.qpspin.truncation;

import org.apache.commons.math3.special.Gamma;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.rates.RateModel;

/**
 * Where the automatic truncation starts and how far it grows (docs/theory.md, "Truncation and its cost").
 *
 * <p>The start is a cheap estimate; what is returned is only ever decided by the measured cost:
 * <ul>
 *   <li>Nmax: the smallest N above the mode of the Fokker–Planck distribution of Eq. 7,
 *       P(N) ∝ N² exp[−2ΓtN³/(3AV²) − 2N²/(AVτs)], where P(N) ≤ tol/{@value #START_MARGIN}, because the
 *       level part of the cost is exactly P(Nmax). In the unpolarized regime Eq. 7 does not hold (singlet
 *       recombination limits N), so the larger of that and N_u + (2 N_u ln(margin/tol))^½ + 5 is used (a Gaussian tail of variance ≈ N_u), with
 *       N_u = V (A/(Γ/2 + Γt))^½ the unpolarized mean-field size.</li>
 *   <li>mMax: the smallest M with Σ_N P7(N) P(Poisson(λ(N)) &gt; M) ≤ tol/margin, where P7 is Eq. 7 and
 *       λ(N) = min(N/2, m*(N)) with m*(N) the root of the mean-field m balance at fixed N (docs/model.md, dm/dt = 0):
 *       the m-fluctuations of a level taken as Poisson around the quasi-stationary m; and at least half the
 *       reach of the unpolarized ridge at 10⁻²⁰ of its peak ({@link UnpolarizedRidge#reach}, the probable core's
 *       edge mass), since clusters that never polarized carry m = ⌊N/2⌋ that far (the crossover at ζs = 0.1 lost 8.7e-6 of the flux at
 *       the m edge of the Poisson estimate alone). No m truncation when that reaches ⌊Nmax/2⌋ or the cluster
 *       is unpolarized.</li>
 *   <li>Growth: the side whose share of the cost exceeds tol/2 is extended by ln(share/(tol/8))/s, with s the
 *       measured logarithmic decay per step of the marginal P(N) (or P(m)) just inside the edge, clamped to
 *       [1/8, 1] of the current size (at least a doubling when the marginal does not decay).</li>
 * </ul>
 */
public final class TruncationPlanner {

    /**
     * The start aims at a cost of tol / START_MARGIN: the chain's tail (jumps +1 and −2, reflecting edge) is
     * heavier than the diffusion tail of Eq. 7, and a second solve costs more than a slightly larger first one.
     */
    public static final double START_MARGIN = 1e3;
    /** The smallest Nmax tried: below it the chain can be reducible (a lone particle cannot annihilate). */
    public static final int MIN_N_MAX = 4;
    /** The smallest mMax tried: without m ≥ 1 and Γt = 0, nothing annihilates. */
    public static final int MIN_M_MAX = 1;

    private TruncationPlanner() {
    }

    /**
     * {@return the starting Nmax: the smallest N ≥ the mode of Eq. 7's P(N) ∝ N² exp[−2ΓtN³/(3AV²) − 2N²/(AVτs)]
     * with P(N) ≤ tol/{@value #START_MARGIN}; in the unpolarized regime at least N_u + (2 N_u ln(margin/tol))^½ + 5;
     * at least {@value #MIN_N_MAX}} The scan of P(N) stops at {@code limit}, so without a decaying tail (Γt = 0 and
     * τs = ∞) the result is about {@code limit}; the unpolarized bound may exceed {@code limit}, in which case the
     * caller reports the state cap.
     *
     * @param p the model parameters
     * @param tol the target of the relative omitted flux, in (0, 1)
     * @param limit the largest N the scan of Eq. 7 visits (≥ 1), e.g. what the state cap allows
     */
    public static int initialNMax(ModelParameters p, double tol, int limit) {
        double av = p.totalInjectionRate();
        double v = p.volume();
        double cubic = 2.0 * p.tripletRate() / (3.0 * av * v); // 2Γt/(3AV²)
        double quadratic = 2.0 * p.spinFlipRate() / av;       // 2/(AVτs)
        double logTarget = Math.log(tol / START_MARGIN);
        // pass 1: mode and log normalization of w(N) = N² exp(−cubic N³ − quadratic N²)
        double logMax = Double.NEGATIVE_INFINITY;
        int mode = 1;
        double sum = 0.0; // Σ exp(lw − logMax), rescaled when the maximum moves
        int n = 1;
        for (; n <= limit; n++) {
            double lw = logWeight(n, cubic, quadratic);
            if (lw > logMax) {
                sum = sum * Math.exp(logMax - lw) + 1.0;
                logMax = lw;
                mode = n;
            } else {
                sum += Math.exp(lw - logMax);
                if (lw < logMax + logTarget - 40.0) {
                    break;
                }
            }
        }
        double logZ = logMax + Math.log(sum);
        int nMax = n;
        for (int k = mode; k <= n; k++) {
            if (logWeight(k, cubic, quadratic) - logZ <= logTarget) {
                nMax = k;
                break;
            }
        }
        if (Regime.classify(p) == Regime.UNPOLARIZED && p.singletRate() > 0.0) {
            double nu = v * Math.sqrt(p.injectionRate() / (0.5 * p.singletRate() + p.tripletRate()));
            double tail = nu + Math.sqrt(2.0 * nu * Math.log(START_MARGIN / tol)) + 5.0;
            nMax = (int) Math.min(Math.max(nMax, Math.ceil(tail)), Integer.MAX_VALUE - 1L);
        }
        return Math.max(MIN_N_MAX, nMax);
    }

    private static double logWeight(int n, double cubic, double quadratic) {
        double x = n;
        return 2.0 * Math.log(x) - cubic * x * x * x - quadratic * x * x;
    }

    /**
     * {@return the starting mMax for {@code nMax}: the larger of the smallest M with
     * Σ_N P7(N) P(Poisson(λ(N)) &gt; M) ≤ tol/{@value #START_MARGIN} (λ(N) = max(10⁻³, m*(N)), N sampled on at most
     * ~2000 levels) and half the reach of the unpolarized ridge; {@link Truncation#NO_M_LIMIT} for none} There is
     * no m limit for an unpolarized cluster, without singlet recombination (Γ = 0), when the mean-field ⟨m⟩ is at
     * least 0.15 ⟨N⟩, or when the bound reaches ⌊nMax/2⌋.
     *
     * @param rates the chain's rates; the estimate uses their parameters' PRL 2020 mean field and Eq. 7
     * @param nMax the chosen Nmax (≥ {@value #MIN_N_MAX})
     * @param tol the target of the relative omitted flux, in (0, 1)
     */
    public static int initialMMax(RateModel rates, int nMax, double tol) {
        ModelParameters p = rates.parameters();
        MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(p);
        if (mf.regime() == Regime.UNPOLARIZED || p.singletRate() == 0.0 || !(mf.meanM() < 0.15 * mf.meanN())) {
            return Truncation.NO_M_LIMIT;
        }
        // sample N (at most ~2000 levels), with Eq. 7 weights and the Poisson means λ(N) = min(N/2, m*(N))
        double av = p.totalInjectionRate();
        double cubic = 2.0 * p.tripletRate() / (3.0 * av * p.volume());
        double quadratic = 2.0 * p.spinFlipRate() / av;
        int stride = Math.max(1, nMax / 2000);
        int samples = nMax / stride;
        int[] level = new int[samples];
        double[] weight = new double[samples];
        double[] lambda = new double[samples];
        double logMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < samples; k++) {
            level[k] = 1 + k * stride;
            weight[k] = logWeight(level[k], cubic, quadratic);
            logMax = Math.max(logMax, weight[k]);
            lambda[k] = Math.max(1e-3, quasiStationaryM(p, level[k]));
        }
        double total = 0.0;
        for (int k = 0; k < samples; k++) {
            weight[k] = Math.exp(weight[k] - logMax);
            total += weight[k];
        }
        double target = tol / START_MARGIN;
        // clusters that stay unpolarized carry m = ⌊N/2⌋ as far up as the unpolarized ridge reaches; down to the
        // probable core's edge mass, so that the rectangle never cuts a level the core keeps whole (a cut there
        // piles probability on the m edge and costs the core a widening round: 2x at zeta_s = 0.1)
        int ridge = UnpolarizedRidge.reach(rates, nMax, Math.min(target, ProbableCore.EDGE_MASS)) / 2;
        int m = Math.max(ridge, polarizedMMax(level, weight, lambda, total, target, nMax));
        return m >= nMax / 2 ? Truncation.NO_M_LIMIT : m;
    }

    /** The smallest M with Σ_N P7(N) P(Poisson(λ(N)) &gt; M) ≤ target, by bisection (the tail decreases in M). */
    private static int polarizedMMax(int[] level, double[] weight, double[] lambda, double total, double target,
                                     int nMax) {
        int lo = MIN_M_MAX;
        int hi = Math.max(MIN_M_MAX, nMax / 2);
        if (expectedColumnTail(level, weight, lambda, total, lo) <= target) {
            return lo;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (expectedColumnTail(level, weight, lambda, total, mid) <= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** Σ_N P7(N) P(Poisson(λ(N)) &gt; M), counting only levels that hold states above M (⌊N/2⌋ &gt; M). */
    private static double expectedColumnTail(int[] level, double[] weight, double[] lambda, double total, int m) {
        double sum = 0.0;
        for (int k = 0; k < level.length; k++) {
            if (level[k] / 2 > m && weight[k] > 0.0) {
                // P(X > M) = P(M + 1, λ), the regularized lower incomplete gamma function (no cancellation)
                sum += weight[k] * Gamma.regularizedGammaP(m + 1.0, lambda[k]);
            }
        }
        return sum / total;
    }

    /**
     * m*(N): the root in [0, N/2] of the mean-field m balance at fixed N,
     * (AV/2)(1 − 1/(N−m)) − (Γ/V)(N−m)m − (Γt/V)N m + (N − 2m)/τs = 0 (docs/model.md, "Mean-field limit"), by
     * bisection (the left side decreases in m) to a relative width 10⁻⁶; N/2 when it is still positive there.
     * The injection term is taken as 0 when N − m ≤ 1.
     *
     * @param p the model parameters (A in s⁻¹µm⁻³, V in µm³, Γ, Γt in s⁻¹µm³, τs in s)
     * @param n the level N (≥ 0)
     * @return m*(N), in [0, N/2] (a number of flipped spins, not an integer)
     */
    public static double quasiStationaryM(ModelParameters p, int n) {
        double lo = 0.0;
        double hi = 0.5 * n;
        if (mBalance(p, n, hi) >= 0.0) {
            return hi;
        }
        for (int i = 0; i < 60 && hi - lo > 1e-6 * (1.0 + hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (mBalance(p, n, mid) > 0.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double mBalance(ModelParameters p, int n, double m) {
        double v = p.volume();
        double s = n - m;
        double inj = s > 1.0 ? 0.5 * p.totalInjectionRate() * (1.0 - 1.0 / s) : 0.0;
        return inj - p.singletRate() / v * s * m - p.tripletRate() / v * n * m + (n - 2.0 * m) * p.spinFlipRate();
    }

    /**
     * {@return the smallest k ≥ ⌈λ⌉ with P(Poisson(λ) &gt; k) ≤ tail}, the tail bounded above by the geometric
     * series P(X &gt; k) ≤ pmf(k+1)/(1 − λ/(k+1)), in logarithms (no underflow at tails of 10⁻³⁵). The bound can
     * make k larger than the exact quantile, never smaller: the tail beyond k is at most {@code tail}.
     *
     * @param lambda the Poisson mean λ (&gt; 0, finite)
     * @param tail the accepted upper tail probability, in (0, 1)
     */
    public static int poissonQuantile(double lambda, double tail) {
        int k = (int) Math.ceil(lambda);
        double logPmf = -lambda + k * Math.log(lambda) - Gamma.logGamma(k + 1.0);
        double logTail = Math.log(tail);
        while (true) {
            double ratio = lambda / (k + 1.0); // pmf(k+1)/pmf(k), < 1 for k ≥ λ
            double logNext = logPmf + Math.log(ratio);
            // P(X > k) ≤ pmf(k+1) / (1 − ratio)
            if (logNext - Math.log1p(-ratio) <= logTail) {
                return k;
            }
            logPmf = logNext;
            k++;
        }
    }

    /**
     * The grown bound of one side.
     *
     * @param marginal the marginal (P(N) or P(m)) of the last solve, indexed by N or m
     * @param edge     the current bound (index of the edge in {@code marginal})
     * @param share    this side's part of the relative cost
     * @param tol      the tolerance
     * @return the new bound: edge + step, step = ln(share/(tol/8))/s with s the logarithmic decay per step of the
     *     marginal measured between edge − 2k and edge − k (k = max(2, 2⌊edge/32⌋)), clamped to
     *     [max(4, edge/8), max(that, edge)]; the largest step (a doubling) when the marginal does not decay there
     */
    public static long grow(double[] marginal, int edge, double share, double tol) {
        int k = Math.max(2, 2 * (edge / 32));
        double decay = Double.NaN;
        if (edge - 2 * k >= 0) {
            double inner = marginal[edge - 2 * k];
            double outer = marginal[edge - k];
            if (inner > 0.0 && outer > 0.0) {
                decay = Math.log(inner / outer) / k;
            }
        }
        long minStep = Math.max(4, edge / 8);
        long maxStep = Math.max(minStep, edge);
        long step;
        if (decay > 0.0 && Double.isFinite(decay)) {
            double need = Math.log(share / (tol / 8.0)) / decay;
            step = (long) Math.ceil(Math.min(Math.max(need, minStep), maxStep));
        } else {
            step = maxStep;
        }
        return edge + step;
    }
}
