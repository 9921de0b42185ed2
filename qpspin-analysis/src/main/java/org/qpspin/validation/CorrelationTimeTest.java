package org.qpspin.validation;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The integrated correlation time of N against its exact expectation: τ̂ = Δt τ̂_int, τ̂_int from Sokal's window
 * W ({@link AutocorrelationTime}), z = (τ̂ − τ_exp)/se with the Madras–Sokal standard error, two-sided normal
 * p-value.
 *
 * <p>The reference, when the exact autocovariance C_k of N sampled at the samples' own Δt is given
 * ({@link ExactDistribution#sampledCorrelation}): τ_exp = Δt (½ + Σ_{k=1}^{W} C_k/C_0), the exact sampled-sequence
 * sum over the same window W the estimator used (so the window's truncation bias is in the reference, and no
 * continuum approximation is made: exact at every Δt). Otherwise (only the continuous τ_N = S_N(0)/(2 Var N),
 * docs/model.md "Noise convention"): τ_exp = τ_N, which is biased for a sampled sequence (the trapezoid rule for ∫ρ,
 * O((Δt/τ_N)²), noted when Δt is not ≪ τ_N). Runs on timed samples given either reference (timed samples without
 * one: a warning). Immutable.
 */
public final class CorrelationTimeTest implements SampleTest {

    /** The verdict's name. */
    public static final String NAME = "correlation time N";

    private final double alpha;

    private CorrelationTimeTest(double alpha) {
        this.alpha = alpha;
    }

    /** {@return the test at significance {@link SampleValidator#DEFAULT_ALPHA}} */
    public static CorrelationTimeTest withDefaults() {
        return new CorrelationTimeTest(SampleValidator.DEFAULT_ALPHA);
    }

    /**
     * A copy at another significance level.
     *
     * @param alpha the significance level α, 0 &lt; α &lt; 1
     * @return the copy
     */
    public CorrelationTimeTest withSignificance(double alpha) {
        return new CorrelationTimeTest(SampleValidator.checkSignificance(alpha));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double significance() {
        return alpha;
    }

    @Override
    public Optional<TestVerdict> test(BatchedSamples samples, ExactDistribution exact, List<String> warnings) {
        if (!samples.samples().hasInterval()) {
            return Optional.empty();
        }
        double dt = samples.samples().interval();
        org.qpspin.dynamics.SampledCorrelation sampled = exact.sampledCorrelation(dt);
        if (sampled == null && !exact.hasCorrelationTime()) {
            warnings.add("correlation time not tested: no exact tau_N = S_N(0)/(2 Var N) was given");
            return Optional.empty();
        }
        AutocorrelationTime tauN = samples.autocorrelationN();
        double estimate = dt * tauN.tau();
        double se = dt * tauN.standardError();
        double reference = sampled == null ? exact.correlationTime() : dt * windowed(sampled, tauN.window());
        double z = (estimate - reference) / se;
        double p = 2.0 * new NormalDistribution().cumulativeProbability(-Math.abs(z)); // 2 P(Z > |z|)
        double q = new NormalDistribution().inverseCumulativeProbability(1.0 - alpha / 2.0);
        String note = sampled != null
                ? (exact.hasCorrelationTime() ? "continuous tau_N = S_N(0)/(2 Var N) = "
                        + Formats.g4(exact.correlationTime()) + " s; " : "")
                        + "exact dt tau_int of the sampled sequence (all lags) = " + Formats.g4(sampled.integratedTime())
                        + " s"
                : exact.correlationTime() < 5.0 * dt
                ? "sample interval is not << tau_N: trapezoid bias "
                        + Formats.g4(Math.pow(dt / exact.correlationTime(), 2) / 12)
                : "";
        String against = sampled != null
                ? " vs the exact dt (1/2 + sum_{k<=W} rho_k) of N sampled every dt"
                : " vs tau_N = S_N(0)/(2 Var N)";
        return Optional.of(TestVerdict.of(NAME, "dt * tau_int (Sokal window W = " + tauN.window() + ")" + against
                        + ", z-test with the Madras-Sokal error", z, Double.NaN, p, alpha)
                .withInterval(TestVerdict.Interval.of(estimate, se, q, reference))
                .withNote(note));
    }

    /**
     * The expectation of Sokal's windowed estimator to leading order: ½ + Σ_{k=1}^{W} ρ_k with the exact
     * ρ_k = C_k/C_0 of the sampled sequence (W = 0: ½).
     */
    static double windowed(org.qpspin.dynamics.SampledCorrelation sampled, int window) {
        double s = 0.0;
        for (int k = window; k >= 1; k--) {
            s += sampled.autocorrelation(k);
        }
        return 0.5 + s;
    }
}
