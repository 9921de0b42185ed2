package org.qpspin.meanfield;

import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;

/**
 * The mean-field stationary point in the m ≪ N approximation (Eqs. 3–4 of the paper, as docs/model.md writes them).
 *
 * <p>N0 is the positive root of Eq. 4, 0 = AV/N0 − (2/τs) N0 − (Γt/V) N0², i.e. of
 * f(N) = (2/τs) N² + (Γt/V) N³ − AV, which is increasing and convex for N &gt; 0. Newton's method started
 * from the smaller of the two limits N_SR = (AVτs/2)^½ and N_TA = (AV²/Γt)^⅓ (where f ≥ 0) converges
 * monotonically; it stops when a step changes N by less than 4 ulps.
 * m0 = (AV² − Γt N0²) / (2Γ N0) (Eq. 3, with Γt N0² as docs/model.md explains); +∞ when Γ = 0.
 * With A = 0, N0 = m0 = 0.
 *
 * @param meanN N0 of Eq. 4
 * @param meanM m0 of Eq. 3
 * @param regime the regime of Fig. 1 (see {@link Regime#classify})
 */
public record MeanFieldFixedPoint(double meanN, double meanM, Regime regime) {

    /**
     * {@return the fixed point of {@code p}}
     *
     * @param p the model parameters
     */
    public static MeanFieldFixedPoint of(ModelParameters p) {
        double n0 = clusterSize(p);
        double m0;
        if (n0 == 0.0) {
            m0 = 0.0;
        } else if (p.singletRate() == 0.0) {
            m0 = Double.POSITIVE_INFINITY;
        } else {
            double v = p.volume();
            m0 = (p.injectionRate() * v * v - p.tripletRate() * n0 * n0) / (2.0 * p.singletRate() * n0);
        }
        return new MeanFieldFixedPoint(n0, m0, Regime.classify(p));
    }

    /**
     * {@return N0, the positive root of Eq. 4 (0 when A = 0)}
     *
     * @param p the model parameters
     */
    public static double clusterSize(ModelParameters p) {
        double av = p.totalInjectionRate();
        if (av == 0.0) {
            return 0.0;
        }
        double flip = 2.0 * p.spinFlipRate();
        double cubic = p.tripletRate() / p.volume();
        double n = Math.min(spinRelaxationLimit(p), tripletAnnihilationLimit(p));
        for (int iter = 0; iter < 200; iter++) {
            double f = flip * n * n + cubic * n * n * n - av;
            double df = 2.0 * flip * n + 3.0 * cubic * n * n;
            double next = n - f / df;
            if (!(next < n) || n - next <= 4.0 * Math.ulp(n)) {
                return Math.min(n, Math.max(next, 0.0));
            }
            n = next;
        }
        return n;
    }

    /**
     * {@return SR limit N0 = (AVτs/2)^½ (+∞ when τs = +∞)}
     *
     * @param p the model parameters
     */
    public static double spinRelaxationLimit(ModelParameters p) {
        return Math.sqrt(p.totalInjectionRate() * p.spinFlipTime() / 2.0);
    }

    /**
     * {@return TA limit N0 = (AV²/Γt)^⅓ (+∞ when Γt = 0)}
     *
     * @param p the model parameters
     */
    public static double tripletAnnihilationLimit(ModelParameters p) {
        double v = p.volume();
        return Math.cbrt(p.injectionRate() * v * v / p.tripletRate());
    }

    /**
     * {@return m0 / N0, the mean-field fraction of flipped spins (0 for a fully polarized cluster, 1/2 unpolarized)}
     */
    public double flippedFraction() {
        return meanN == 0.0 ? 0.0 : meanM / meanN;
    }

    @Override
    public String toString() {
        return "N0=" + meanN + ", m0=" + meanM + ", regime=" + regime.label();
    }
}
