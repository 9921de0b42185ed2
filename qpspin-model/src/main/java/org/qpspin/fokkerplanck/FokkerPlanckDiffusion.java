package org.qpspin.fokkerplanck;

import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Scales;

/**
 * The one-dimensional diffusion behind Eq. 7 (derivation: docs/theory.md, "Fokker–Planck"):
 * ∂P/∂t = −∂_N[F(N) P] + ∂²_N[D P] with
 * <ul>
 *   <li>drift F(N) = AV/N − 2N/τs − Γt N²/V (s⁻¹), the right-hand side of Eq. 4 times N;</li>
 *   <li>diffusion D = AV/2 (s⁻¹), from the net ±1 steps of the total spin 2S = N − 2m at rate AV/2 each.</li>
 * </ul>
 * Its zero-flux solution F P = D P' is Eq. 7, {@link FokkerPlanckDistribution}.
 *
 * <p>Zero-frequency noise, two-sided (docs/model.md "Noise convention"): S(0) = 2 ∫₀^∞ C(t) dt
 * = 2 ∫₀^∞ Φ(N)² / (D P(N)) dN with Φ(N) = ∫₀^N (y − ⟨N⟩) P(y) dy (from L†g = −(N − ⟨N⟩),
 * D P g' = −Φ). Algorithm: the composite Gauss–Legendre rule of {@link FokkerPlanckDistribution} in u = N/N0;
 * Φ at a node is accumulated from the nearer end of the range — ∫₀^u below the mean, −∫_u^U above it — because
 * ∫₀^u cancels to nothing in the upper tail, where Φ²/P still contributes. {@link #noiseQuadratureError()}
 * compares against half as many panels.
 */
public final class FokkerPlanckDiffusion {

    private final ModelParameters parameters;
    private final FokkerPlanckDistribution stationary;
    private final double totalInjection;
    private final double zeroFrequencyNoise;
    private final double noiseError;

    private FokkerPlanckDiffusion(ModelParameters p) {
        this.parameters = p;
        this.stationary = FokkerPlanckDistribution.of(p);
        this.totalInjection = p.totalInjectionRate();
        double fine = noiseIntegral(stationary, FokkerPlanckDistribution.PANELS);
        double coarse = noiseIntegral(stationary, FokkerPlanckDistribution.PANELS / 2);
        noiseError = Math.abs(fine - coarse) / fine;
        double s = stationary.mode();
        // S = 2 s^4 / D * J with J = ∫ Φ_u² / p_u du in the scaled variable, D = AV/2
        zeroFrequencyNoise = 4.0 * s * s * s * s / totalInjection * fine;
    }

    /**
     * {@return the diffusion for {@code p}}
     *
     * @param p the model parameters (A &gt; 0)
     * @throws IllegalArgumentException when A = 0
     */
    public static FokkerPlanckDiffusion of(ModelParameters p) {
        return new FokkerPlanckDiffusion(p);
    }

    /** J = ∫ Φ(u)² / p(u) du for the normalized scaled density p(u) = N0 P(N0 u). */
    static double noiseIntegral(FokkerPlanckDistribution d, int panels) {
        double upper = d.upperEnd() / d.mode();
        double alpha = d.alpha();
        double beta = d.beta();
        double mean = d.meanOverMode();
        // normalized scaled density: p(u) = g(u) / Z
        GaussLegendrePanels rule = new GaussLegendrePanels(upper, panels);
        double z = 0.0;
        for (int i = 0; i < rule.size(); i++) {
            z += rule.weight(i) * Math.exp(FokkerPlanckDistribution.logShape(rule.node(i), alpha, beta));
        }
        double logZ = Math.log(z);
        java.util.function.DoubleUnaryOperator centred = u -> (u - mean)
                * Math.exp(FokkerPlanckDistribution.logShape(u, alpha, beta) - logZ);
        double h = upper / panels;
        double[] panel = new double[panels];
        for (int p = 0; p < panels; p++) {
            panel[p] = GaussLegendrePanels.integrate(centred, p * h, (p + 1) * h);
        }
        double[] fromLeft = new double[panels + 1]; // ∫ over panels < p
        for (int p = 0; p < panels; p++) {
            fromLeft[p + 1] = fromLeft[p] + panel[p];
        }
        double[] fromRight = new double[panels + 1]; // ∫ over panels >= p
        for (int p = panels - 1; p >= 0; p--) {
            fromRight[p] = fromRight[p + 1] + panel[p];
        }
        double sum = 0.0;
        for (int i = 0; i < rule.size(); i++) {
            int p = i / GaussLegendrePanels.POINTS;
            double u = rule.node(i);
            double start = p * h;
            double end = (p + 1) * h;
            double phi;
            if (u <= mean) {
                phi = fromLeft[p] + GaussLegendrePanels.integrate(centred, start, u);
            } else {
                phi = -(fromRight[p + 1] + GaussLegendrePanels.integrate(centred, u, end));
            }
            double logP = FokkerPlanckDistribution.logShape(u, alpha, beta) - logZ;
            sum += rule.weight(i) * phi * phi * Math.exp(-logP);
        }
        return sum;
    }

    /** {@return the parameters} */
    public ModelParameters parameters() {
        return parameters;
    }

    /**
     * {@return F(N) = AV/N − 2N/τs − Γt N²/V in s⁻¹; zero at the mean-field N0}
     *
     * @param n N (&gt; 0)
     */
    public double drift(double n) {
        return totalInjection / n - 2.0 * n * parameters.spinFlipRate()
                - parameters.tripletRate() * n * n / parameters.volume();
    }

    /**
     * {@return D = AV/2 in s⁻¹ (the coefficient of ∂²_N)}
     *
     * @param n N (D does not depend on it here; the argument keeps the form of a general diffusion)
     */
    public double diffusion(double n) {
        return 0.5 * totalInjection;
    }

    /** {@return −F'(N0) in s⁻¹: the linear relaxation rate of N about the mean-field point} */
    public double relaxationRate() {
        double n0 = MeanFieldFixedPoint.clusterSize(parameters);
        return totalInjection / (n0 * n0) + 2.0 * parameters.spinFlipRate()
                + 2.0 * parameters.tripletRate() * n0 / parameters.volume();
    }

    /** {@return the zero-flux stationary solution, Eq. 7} */
    public FokkerPlanckDistribution stationary() {
        return stationary;
    }

    /** {@return S_N(0) in particles²·s, two-sided (docs/model.md)} */
    public double zeroFrequencyNoise() {
        return zeroFrequencyNoise;
    }

    /** {@return τ_N = S(0) / (2 Var N), the integrated correlation time of N in s} */
    public double correlationTime() {
        return zeroFrequencyNoise / (2.0 * stationary.variance());
    }

    /** {@return S(0) / (Var N · τs): the paper's 0.5 in the spin-relaxation limit (NaN without spin flips)} */
    public double noiseOverVarianceTimesSpinFlipTime() {
        return parameters.hasSpinFlips() ? zeroFrequencyNoise / (stationary.variance() * parameters.spinFlipTime())
                : Double.NaN;
    }

    /** {@return S(0) / (Var N · t_f), t_f = (AΓt²/V)^−⅓: the paper's 0.6 in the triplet limit (NaN when Γt = 0)} */
    public double noiseOverVarianceTimesTripletTime() {
        double tf = Scales.of(parameters).tripletNoiseTime();
        return Double.isInfinite(tf) ? Double.NaN : zeroFrequencyNoise / (stationary.variance() * tf);
    }

    /** {@return relative difference of the noise integral to the half-panel rule} */
    public double noiseQuadratureError() {
        return noiseError;
    }

    /**
     * S(0)/(Var N · τ) in the two limits, independent of parameters: index 0 the spin-relaxation limit with
     * τ = τs, index 1 the triplet limit with τ = t_f. (SR: S = 2 N0² τs J, TA: S = 4 N0² t_f J.)
     *
     * @return the two coefficients {SR, TA} (a new array)
     */
    public static double[] limitNoiseCoefficients() {
        FokkerPlanckDistribution sr = FokkerPlanckDistribution.spinRelaxationLimit(1.0);
        FokkerPlanckDistribution ta = FokkerPlanckDistribution.tripletAnnihilationLimit(1.0);
        double jsr = noiseIntegral(sr, FokkerPlanckDistribution.PANELS);
        double jta = noiseIntegral(ta, FokkerPlanckDistribution.PANELS);
        return new double[] {2.0 * jsr / sr.variance(), 4.0 * jta / ta.variance()};
    }
}
