package org.qpspin.fokkerplanck;

import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;

/**
 * The Fokker–Planck distribution of the cluster size, Eq. 7 of the paper (docs/model.md):
 * P(N) = C N² exp[−a N² − b N³] with a = 2/(AVτs) and b = 2Γt/(3AV²), both terms kept.
 *
 * <p>Scaled form. Its mode is the mean-field N0 of Eq. 4 (d ln P/dN = 0 is 2 = 2aN0² + 3bN0³, which is Eq. 4
 * multiplied by 2N0/(AV)), so with u = N/N0 the density is g(u) ∝ u² exp[−α(u² − 1) − β(u³ − 1)],
 * α = aN0², β = bN0³, α + 3β/2 = 1. One shape number, the triplet weight w = 3β/2 ∈ [0, 1], takes it from the
 * spin-relaxation limit (w = 0, Eq. 8) to the triplet-annihilation limit (w = 1, Eq. 9).
 *
 * <p>Algorithm: normalization and moments by composite Gauss–Legendre quadrature
 * ({@link GaussLegendrePanels}, 20 points on each of {@value #PANELS} equal panels) on [0, U], where U is the
 * point beyond the mode at which ln g(u) = −{@value #TAIL_LOG} (the neglected tail is below e^−{@value #TAIL_LOG}
 * relative). The same integrals on half as many panels give {@link #quadratureError()}, the largest relative
 * difference over the normalization and the first two moments; it is at rounding level (≲ 1e−15) for every
 * valid shape.
 */
public final class FokkerPlanckDistribution implements SizeDistribution {

    /** Panels of the quadrature. */
    static final int PANELS = 64;
    /** ln of the relative density at the upper end of the quadrature range. */
    static final double TAIL_LOG = 110.0;

    private final double scale;
    private final double alpha;
    private final double beta;
    private final double upper;
    private final double logNormalization; // ln ∫ g(u) du
    private final double meanU;
    private final double secondMomentU;
    private final double varianceU;
    private final double quadratureError;

    private FokkerPlanckDistribution(double scale, double alpha, double beta) {
        this.scale = scale;
        this.alpha = alpha;
        this.beta = beta;
        this.upper = upperEnd(alpha, beta);
        double[] fine = moments(new GaussLegendrePanels(upper, PANELS));
        double[] coarse = moments(new GaussLegendrePanels(upper, PANELS / 2));
        double err = 0.0;
        for (int k = 0; k < 3; k++) {
            err = Math.max(err, Math.abs(fine[k] - coarse[k]) / Math.abs(fine[k]));
        }
        quadratureError = err;
        logNormalization = Math.log(fine[0]);
        meanU = fine[1];
        secondMomentU = fine[2];
        varianceU = fine[3];
    }

    /**
     * {@return Eq. 7 for the parameters {@code p}: a = 2/(AVτs) (0 when τs = +∞), b = 2Γt/(3AV²), mode N0 of Eq. 4}
     *
     * @param p the model parameters (A &gt; 0)
     * @throws IllegalArgumentException when A = 0 (the only stationary state is the empty cluster; Eq. 7 has no
     *                                  meaning there)
     */
    public static FokkerPlanckDistribution of(ModelParameters p) {
        double av = p.totalInjectionRate();
        if (av == 0.0) {
            throw new IllegalArgumentException("Eq. 7 needs an injection rate A > 0 (with A = 0 the cluster is empty)");
        }
        double n0 = MeanFieldFixedPoint.clusterSize(p);
        double a = 2.0 * p.spinFlipRate() / av;
        double b = 2.0 * p.tripletRate() / (3.0 * av * p.volume());
        return scaled(n0, a * n0 * n0, b * n0 * n0 * n0);
    }

    /**
     * {@return P(N) ∝ N² exp(−aN² − bN³) for coefficients a, b ≥ 0, not both zero}
     *
     * @param a the coefficient of N² (≥ 0)
     * @param b the coefficient of N³ (≥ 0)
     * @throws IllegalArgumentException for negative, non-finite, or two zero coefficients
     */
    public static FokkerPlanckDistribution ofCoefficients(double a, double b) {
        if (!(a >= 0.0) || !(b >= 0.0) || !Double.isFinite(a) || !Double.isFinite(b) || a + b == 0.0) {
            throw new IllegalArgumentException("Eq. 7 coefficients must be finite, >= 0 and not both 0; got a=" + a
                    + ", b=" + b);
        }
        // mode: positive root of 3b s^3 + 2a s^2 = 2 (increasing in s); Newton from the smaller one-term root
        double s = Math.min(a > 0.0 ? 1.0 / Math.sqrt(a) : Double.POSITIVE_INFINITY,
                b > 0.0 ? Math.cbrt(2.0 / (3.0 * b)) : Double.POSITIVE_INFINITY);
        for (int i = 0; i < 200; i++) {
            double f = 3.0 * b * s * s * s + 2.0 * a * s * s - 2.0;
            double next = s - f / (9.0 * b * s * s + 4.0 * a * s);
            if (!(next < s) || s - next <= 4.0 * Math.ulp(s)) {
                break;
            }
            s = next;
        }
        return scaled(s, a * s * s, b * s * s * s);
    }

    /**
     * {@return the spin-relaxation limit (Γt = 0): P(N) ∝ N² exp(−N²/N0²), the shape behind Eq. 8}
     *
     * @param n0 the mean-field N0 (&gt; 0)
     */
    public static FokkerPlanckDistribution spinRelaxationLimit(double n0) {
        return scaled(requireScale(n0), 1.0, 0.0);
    }

    /**
     * {@return the triplet-annihilation limit (τs = ∞): P(N) ∝ N² exp(−2N³/(3N0³)), the shape behind Eq. 9}
     *
     * @param n0 the mean-field N0 (&gt; 0)
     */
    public static FokkerPlanckDistribution tripletAnnihilationLimit(double n0) {
        return scaled(requireScale(n0), 0.0, 2.0 / 3.0);
    }

    private static double requireScale(double n0) {
        if (!(n0 > 0.0) || !Double.isFinite(n0)) {
            throw new IllegalArgumentException("N0 must be finite and > 0, got " + n0);
        }
        return n0;
    }

    private static FokkerPlanckDistribution scaled(double n0, double alpha, double beta) {
        return new FokkerPlanckDistribution(n0, alpha, beta);
    }

    /** ln g(u) = 2 ln u − α(u² − 1) − β(u³ − 1), 0 at the mode u = 1. */
    static double logShape(double u, double alpha, double beta) {
        if (u <= 0.0) {
            return u == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        return 2.0 * Math.log(u) - alpha * (u * u - 1.0) - beta * (u * u * u - 1.0);
    }

    /** The u &gt; 1 where ln g = −TAIL_LOG, by bisection (ln g is decreasing there). */
    private static double upperEnd(double alpha, double beta) {
        double lo = 1.0;
        double hi = 2.0;
        while (logShape(hi, alpha, beta) > -TAIL_LOG) {
            lo = hi;
            hi *= 2.0;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (logShape(mid, alpha, beta) > -TAIL_LOG) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** {∫g, ⟨u⟩, ⟨u²⟩, Var u} on one rule; the variance is centred (two passes) so it does not cancel. */
    private double[] moments(GaussLegendrePanels rule) {
        double z = 0.0;
        double m1 = 0.0;
        for (int i = 0; i < rule.size(); i++) {
            double u = rule.node(i);
            double g = rule.weight(i) * Math.exp(logShape(u, alpha, beta));
            z += g;
            m1 += g * u;
        }
        m1 /= z;
        double var = 0.0;
        for (int i = 0; i < rule.size(); i++) {
            double d = rule.node(i) - m1;
            var += rule.weight(i) * Math.exp(logShape(rule.node(i), alpha, beta)) * d * d;
        }
        var /= z;
        return new double[] {z, m1, var + m1 * m1, var};
    }

    /** {@return the scale N0: the mode of P(N), equal to the mean-field N0 of Eq. 4} */
    public double mode() {
        return scale;
    }

    /** {@return α = a N0²} */
    public double alpha() {
        return alpha;
    }

    /** {@return β = b N0³} */
    public double beta() {
        return beta;
    }

    /** {@return w = 3β/2 ∈ [0, 1]: 0 in the spin-relaxation limit, 1 in the triplet-annihilation limit} */
    public double tripletWeight() {
        return 1.5 * beta;
    }

    /**
     * {@return the normalized density P(N) (per unit N)}
     *
     * @param n N (≥ 0)
     */
    public double density(double n) {
        return Math.exp(logDensity(n));
    }

    /**
     * {@return ln P(N); −∞ at N = 0}
     *
     * @param n N (≥ 0)
     */
    public double logDensity(double n) {
        return logShape(n / scale, alpha, beta) - logNormalization - Math.log(scale);
    }

    /** ⟨N⟩. */
    @Override
    public double mean() {
        return scale * meanU;
    }

    /** ⟨N²⟩. */
    @Override
    public double secondMoment() {
        return scale * scale * secondMomentU;
    }

    /** ⟨⟨N²⟩⟩ = Var N. */
    @Override
    public double variance() {
        return scale * scale * varianceU;
    }

    /** {@return ⟨N⟩ / N0} */
    public double meanOverMode() {
        return meanU;
    }

    /** {@return ⟨N²⟩ / N0²} */
    public double secondMomentOverModeSquared() {
        return secondMomentU;
    }

    /** Upper end of the quadrature range in N (the density there is e^−110 of its peak). */
    @Override
    public double upperEnd() {
        return upper * scale;
    }

    /** {@return estimated relative error of the normalization and moments (difference to the half-panel rule)} */
    public double quadratureError() {
        return quadratureError;
    }

    /**
     * Eq. 7 restricted to the integers: q(N) = P(N) / Σ_{N'≥0} P(N') for N = 0 … nMax (q(0) = 0). The sum runs
     * to where the density is e^−110 of its peak, so the entries sum to 1 when nMax covers that range.
     */
    @Override
    public double[] probabilities(int nMax) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0, got " + nMax);
        }
        int top = Math.max(nMax, (int) Math.ceil(upper * scale) + 1);
        double sum = 0.0;
        double[] all = new double[top + 1];
        for (int n = 1; n <= top; n++) {
            all[n] = Math.exp(logShape(n / scale, alpha, beta));
            sum += all[n];
        }
        double[] q = new double[nMax + 1];
        for (int n = 1; n <= nMax; n++) {
            q[n] = all[n] / sum;
        }
        return q;
    }

    /**
     * {@return ∫₀^∞ f(N) P(N) dN by the same quadrature (for functions that grow at most polynomially)}
     *
     * @param f the function of N
     */
    public double expectation(java.util.function.DoubleUnaryOperator f) {
        GaussLegendrePanels rule = new GaussLegendrePanels(upper, PANELS);
        double sum = 0.0;
        double z = 0.0;
        for (int i = 0; i < rule.size(); i++) {
            double u = rule.node(i);
            double g = rule.weight(i) * Math.exp(logShape(u, alpha, beta));
            z += g;
            sum += g * f.applyAsDouble(u * scale);
        }
        return sum / z;
    }

    @Override
    public String toString() {
        return "Eq. 7 {N0=" + scale + ", tripletWeight=" + tripletWeight() + ", <N>=" + mean() + ", <N^2>="
                + secondMoment() + ", quadratureError=" + quadratureError + "}";
    }
}
