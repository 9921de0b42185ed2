package org.qpspin.validation;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The integrated correlation time of N against the exact τ_N = S_N(0)/(2 Var N) (docs/model.md "Noise
 * convention"): τ̂ = Δt τ_int, τ_int from Sokal's window ({@link AutocorrelationTime}; the trapezoid rule for ∫ρ,
 * bias O((Δt/τ)²)), z = (τ̂ − τ_N)/se with the Madras–Sokal standard error, two-sided normal p-value. Runs on timed
 * samples given an exact τ_N (timed samples without it: a warning). When Δt is not ≪ τ_N the note gives the
 * trapezoid bias (Δt/τ_N)²/12. Immutable.
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
        if (!exact.hasCorrelationTime()) {
            warnings.add("correlation time not tested: no exact tau_N = S_N(0)/(2 Var N) was given");
            return Optional.empty();
        }
        AutocorrelationTime tauN = samples.autocorrelationN();
        double dt = samples.samples().interval();
        double estimate = dt * tauN.tau();
        double se = dt * tauN.standardError();
        double z = (estimate - exact.correlationTime()) / se;
        double p = 2.0 * new NormalDistribution().cumulativeProbability(-Math.abs(z)); // 2 P(Z > |z|)
        double q = new NormalDistribution().inverseCumulativeProbability(1.0 - alpha / 2.0);
        String note = exact.correlationTime() < 5.0 * dt
                ? "sample interval is not << tau_N: trapezoid bias "
                        + Formats.g4(Math.pow(dt / exact.correlationTime(), 2) / 12)
                : "";
        return Optional.of(TestVerdict.of(NAME, "dt * tau_int (Sokal window W = " + tauN.window()
                        + "), z-test with the Madras-Sokal error", z, Double.NaN, p, alpha)
                .withInterval(TestVerdict.Interval.of(estimate, se, q, exact.correlationTime()))
                .withNote(note));
    }
}
