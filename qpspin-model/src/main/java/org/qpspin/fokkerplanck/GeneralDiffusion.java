package org.qpspin.fokkerplanck;

import java.util.function.DoubleUnaryOperator;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;

/**
 * A one-dimensional diffusion ∂P/∂t = −∂_x[F P] + ∂²_x[D P] on x ≥ 0 with reflecting (zero-flux) boundary at 0,
 * solved numerically: stationary density P ∝ exp(∫_{x0}^x F/D dy) / D(x), its moments, and its zero-frequency
 * noise S(0) = 2∫Φ²/(D P) dx (two-sided; Φ as in {@link FokkerPlanckDiffusion}).
 *
 * <p>{@link #refined} is the diffusion of the total spin 2S = N − 2m at m = 0 with the Kramers–Moyal
 * coefficients kept whole (docs/theory.md, "Fokker–Planck"): F = AV/(N+1) − 2N/τs − ΓtN²/V,
 * D = [AV + 4N/τs + 2ΓtN²/V]/2. Eq. 7 is its m ≪ N, N ≫ 1 limit (AV/(N+1) → AV/N, D → AV/2); the refined form
 * removes Eq. 7's 1/N0 errors of ⟨N⟩ and Var N against the exact master equation (docs/validation.md).
 *
 * <p>Algorithm: {@value #PANELS} equal panels on [0, U], 20-point Gauss–Legendre in each; ln P at a node is the
 * running integral of F/D from the mode guess x0, summed panel by panel plus a partial-panel rule (so no
 * cumulative rounding drift beyond a few ulps per panel); U is found by extending in steps of x0 until ln P has
 * fallen 110 below its peak. Φ is summed from the nearer end, as in {@link FokkerPlanckDiffusion}.
 */
public final class GeneralDiffusion implements SizeDistribution {

    static final int PANELS = 96;
    private static final double TAIL_LOG = 110.0;

    private final DoubleUnaryOperator drift;
    private final DoubleUnaryOperator diffusion;
    private final double upper;
    private final double[] nodeX;
    private final double[] nodeW;
    private final double[] nodeLogP; // normalized ln P at nodes
    private final double logPeak;
    private final double mean;
    private final double variance;
    private final double zeroFrequencyNoise;
    private final double x0;

    private GeneralDiffusion(DoubleUnaryOperator drift, DoubleUnaryOperator diffusion, double x0) {
        this.drift = drift;
        this.diffusion = diffusion;
        this.x0 = x0;
        DoubleUnaryOperator ratio = x -> drift.applyAsDouble(x) / diffusion.applyAsDouble(x);
        // extend U in steps of x0 until ln P (relative to its peak so far) < -TAIL_LOG past the peak
        double u = 2.0 * x0;
        double logAtU = integrate(ratio, x0, u) - Math.log(diffusion.applyAsDouble(u));
        double peak = -Math.log(diffusion.applyAsDouble(x0));
        while (logAtU > peak - TAIL_LOG) {
            double next = u + x0;
            logAtU += integrate(ratio, u, next) - Math.log(diffusion.applyAsDouble(next))
                    + Math.log(diffusion.applyAsDouble(u));
            u = next;
            if (u > 1e4 * x0) {
                throw new IllegalArgumentException("the diffusion's stationary density does not decay (drift "
                        + drift.applyAsDouble(u) + " at x = " + u + ")");
            }
        }
        upper = u;
        GaussLegendrePanels rule = new GaussLegendrePanels(upper, PANELS);
        int n = rule.size();
        nodeX = new double[n];
        nodeW = new double[n];
        double[] logP = new double[n];
        double h = upper / PANELS;
        // ln P(panel start) relative to x0: cumulative integrals from the panel containing x0
        double[] atStart = new double[PANELS + 1];
        int p0 = Math.min(PANELS - 1, (int) (x0 / h));
        atStart[p0] = integrate(ratio, x0, p0 * h);
        for (int p = p0 + 1; p <= PANELS; p++) {
            atStart[p] = atStart[p - 1] + integrate(ratio, (p - 1) * h, p * h);
        }
        for (int p = p0 - 1; p >= 1; p--) { // atStart[0] is never used (the drift may be singular at 0)
            atStart[p] = atStart[p + 1] - integrate(ratio, p * h, (p + 1) * h);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int p = i / GaussLegendrePanels.POINTS;
            double x = rule.node(i);
            nodeX[i] = x;
            nodeW[i] = rule.weight(i);
            logP[i] = logRelative(ratio, atStart, p, p0, h, x) - Math.log(diffusion.applyAsDouble(x));
            max = Math.max(max, logP[i]);
        }
        double z = 0.0;
        for (int i = 0; i < n; i++) {
            z += nodeW[i] * Math.exp(logP[i] - max);
        }
        double logZ = max + Math.log(z);
        double m1 = 0.0;
        for (int i = 0; i < n; i++) {
            logP[i] -= logZ;
            m1 += nodeW[i] * nodeX[i] * Math.exp(logP[i]);
        }
        double var = 0.0;
        for (int i = 0; i < n; i++) {
            double d = nodeX[i] - m1;
            var += nodeW[i] * d * d * Math.exp(logP[i]);
        }
        nodeLogP = logP;
        logPeak = max - logZ;
        mean = m1;
        variance = var;
        zeroFrequencyNoise = noise(rule, h, atStart, logZ, ratio);
    }

    private double noise(GaussLegendrePanels rule, double h, double[] atStart, double logZ,
                         DoubleUnaryOperator ratio) {
        // density at any x inside panel p, by the same partial integral
        int p0 = Math.min(PANELS - 1, (int) (x0 / h));
        java.util.function.IntFunction<DoubleUnaryOperator> centred = p -> x -> (x - mean) * Math.exp(
                logRelative(ratio, atStart, p, p0, h, x) - Math.log(diffusion.applyAsDouble(x)) - logZ);
        double[] panel = new double[PANELS];
        for (int p = 0; p < PANELS; p++) {
            panel[p] = GaussLegendrePanels.integrate(centred.apply(p), p * h, (p + 1) * h);
        }
        double[] fromLeft = new double[PANELS + 1];
        for (int p = 0; p < PANELS; p++) {
            fromLeft[p + 1] = fromLeft[p] + panel[p];
        }
        double[] fromRight = new double[PANELS + 1];
        for (int p = PANELS - 1; p >= 0; p--) {
            fromRight[p] = fromRight[p + 1] + panel[p];
        }
        double sum = 0.0;
        for (int i = 0; i < nodeX.length; i++) {
            int p = i / GaussLegendrePanels.POINTS;
            double x = nodeX[i];
            DoubleUnaryOperator c = centred.apply(p);
            double phi = x <= mean ? fromLeft[p] + GaussLegendrePanels.integrate(c, p * h, x)
                    : -(fromRight[p + 1] + GaussLegendrePanels.integrate(c, x, (p + 1) * h));
            sum += nodeW[i] * phi * phi / diffusion.applyAsDouble(x) * Math.exp(-nodeLogP[i]);
        }
        return 2.0 * sum;
    }

    /**
     * ∫_{x0}^x F/D for x in panel p: from the panel's left end on the side of x0 and beyond, from its right end
     * below x0's panel — so a drift singular at 0 (Eq. 7's AV/x) is never integrated across its singularity.
     */
    private static double logRelative(DoubleUnaryOperator ratio, double[] atStart, int p, int p0, double h,
                                      double x) {
        if (p >= p0) {
            return atStart[p] + integrate(ratio, p * h, x);
        }
        if (p > 0) {
            return atStart[p + 1] - integrate(ratio, x, (p + 1) * h);
        }
        // first panel: geometric sub-intervals [x, 2x], [2x, 4x], … resolve a 1/x drift near 0
        double sum = 0.0;
        double a = x;
        while (2.0 * a < h) {
            sum += integrate(ratio, a, 2.0 * a);
            a *= 2.0;
        }
        return atStart[1] - sum - integrate(ratio, a, h);
    }

    private static double integrate(DoubleUnaryOperator f, double a, double b) {
        return a == b ? 0.0 : GaussLegendrePanels.integrate(f, a, b);
    }

    /**
     * {@return the diffusion with drift F and diffusion coefficient D (&gt; 0 on x ≥ 0); {@code typicalX} &gt; 0 is a
     * scale near the mode (the panel grid and the range search step by it)}
     *
     * @param drift F(x) in s⁻¹
     * @param diffusion D(x) in s⁻¹ (&gt; 0 on x ≥ 0)
     * @param typicalX a scale near the mode (&gt; 0)
     */
    public static GeneralDiffusion of(DoubleUnaryOperator drift, DoubleUnaryOperator diffusion, double typicalX) {
        if (!(typicalX > 0.0) || !Double.isFinite(typicalX)) {
            throw new IllegalArgumentException("typical x must be finite and > 0, got " + typicalX);
        }
        return new GeneralDiffusion(drift, diffusion, typicalX);
    }

    /**
     * {@return the refined diffusion of the cluster size for {@code p} (see the class comment)}
     *
     * @param p the model parameters (A &gt; 0)
     * @throws IllegalArgumentException when A = 0
     */
    public static GeneralDiffusion refined(ModelParameters p) {
        double av = p.totalInjectionRate();
        if (av == 0.0) {
            throw new IllegalArgumentException("the diffusion needs A > 0");
        }
        double flip = p.spinFlipRate();
        double gv = p.tripletRate() / p.volume();
        return of(x -> av / (x + 1.0) - 2.0 * x * flip - gv * x * x,
                x -> 0.5 * (av + 4.0 * x * flip + 2.0 * gv * x * x),
                Math.max(1.0, MeanFieldFixedPoint.clusterSize(p)));
    }

    /**
     * {@return F(x)}
     *
     * @param x the cluster size x (≥ 0)
     */
    public double drift(double x) {
        return drift.applyAsDouble(x);
    }

    /**
     * {@return D(x)}
     *
     * @param x the cluster size x (≥ 0)
     */
    public double diffusion(double x) {
        return diffusion.applyAsDouble(x);
    }

    /**
     * {@return the normalized stationary density at x (0 ≤ x ≤ U), by the same quadrature}
     *
     * @param x the cluster size x (≥ 0)
     */
    public double density(double x) {
        if (x < 0.0 || x > upper) {
            return 0.0;
        }
        double h = upper / PANELS;
        DoubleUnaryOperator ratio = y -> drift.applyAsDouble(y) / diffusion.applyAsDouble(y);
        // ln P(x) − ln P(x0), by direct integration (one call: accuracy over speed)
        double log = integrateLong(ratio, x0, x) - Math.log(diffusion.applyAsDouble(x))
                + Math.log(diffusion.applyAsDouble(x0));
        return Math.exp(log + logDensityAt(x0, h));
    }

    private double logDensityAt(double x, double h) {
        // normalized ln P at x0 from the node nearest to it, corrected by the integral between them
        int best = 0;
        for (int i = 1; i < nodeX.length; i++) {
            if (Math.abs(nodeX[i] - x) < Math.abs(nodeX[best] - x)) {
                best = i;
            }
        }
        DoubleUnaryOperator ratio = y -> drift.applyAsDouble(y) / diffusion.applyAsDouble(y);
        return nodeLogP[best] + Math.log(diffusion.applyAsDouble(nodeX[best])) + integrate(ratio, nodeX[best], x)
                - Math.log(diffusion.applyAsDouble(x));
    }

    private double integrateLong(DoubleUnaryOperator f, double a, double b) {
        int steps = (int) Math.ceil(Math.abs(b - a) / (upper / PANELS)) + 1;
        double sum = 0.0;
        for (int k = 0; k < steps; k++) {
            sum += integrate(f, a + (b - a) * k / steps, a + (b - a) * (k + 1) / steps);
        }
        return sum;
    }

    @Override
    public double[] probabilities(int nMax) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0, got " + nMax);
        }
        int top = Math.max(nMax, (int) Math.ceil(upper));
        double[] all = new double[top + 1];
        DoubleUnaryOperator ratio = y -> drift.applyAsDouble(y) / diffusion.applyAsDouble(y);
        // ln P(N) − ln P(0), accumulated integer by integer
        // ln P(N) − ln P(1), integer by integer; P(0) from ∫_0^1, which is −∞ (P(0) = 0) for a drift singular at 0
        double acc = 0.0;
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 1; n <= top; n++) {
            if (n > 1) {
                acc += integrate(ratio, n - 1, n);
            }
            all[n] = acc - Math.log(diffusion.applyAsDouble(n));
            max = Math.max(max, all[n]);
        }
        double toZero = Double.isFinite(drift.applyAsDouble(0.0)) ? integrate(ratio, 0.0, 1.0) : Double.POSITIVE_INFINITY;
        all[0] = -toZero - Math.log(diffusion.applyAsDouble(0.0));
        max = Math.max(max, all[0]);
        double sum = 0.0;
        for (int n = 0; n <= top; n++) {
            all[n] = Math.exp(all[n] - max);
            sum += all[n];
        }
        double[] q = new double[nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            q[n] = all[n] / sum;
        }
        return q;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double secondMoment() {
        return variance + mean * mean;
    }

    @Override
    public double variance() {
        return variance;
    }

    @Override
    public double upperEnd() {
        return upper;
    }

    /** {@return S(0) = 2∫Φ²/(D P) dx, two-sided, in x²·s} */
    public double zeroFrequencyNoise() {
        return zeroFrequencyNoise;
    }

    /** ln of the normalized peak density. */
    double logPeak() {
        return logPeak;
    }
}
