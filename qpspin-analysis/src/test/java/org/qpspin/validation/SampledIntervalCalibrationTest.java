package org.qpspin.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qpspin.dynamics.SampledAutocovariance;
import org.qpspin.dynamics.SampledCorrelation;
import org.qpspin.model.ModelParameters;
import org.qpspin.montecarlo.GillespieSimulator;
import org.qpspin.montecarlo.MonteCarloSettings;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * A small piece of the calibration study (docs/validation.md "Calibration and power, measured",
 * {@code benchmarks/.../ValidatorCalibration}): 20 seeds of correct SR samples at Δt = 3 τ_N, validated as
 * {@code validate} does (exact C_k at the samples' Δt), must not be rejected by any test more often than chance
 * allows. Under the null each test's count of p &lt; 0.01 is Bin(20, 0.01); P(≥ 6) = 3.8·10⁻⁸, so with 8 tests the
 * chance of a false failure of this test is below 3.1·10⁻⁷ (≤ 5 allowed). Before the fix of
 * {@link SampledAutocovariance}'s stopping rule this setting fell back to the continuous τ_N and the
 * correlation-time test rejected 200 of 200 seeds.
 */
class SampledIntervalCalibrationTest {

    private static final int SEEDS = 20;
    private static final int ALLOWED = 5;

    @Test
    void correctSamplesAtThreeCorrelationTimesPassAtTheNominalRate() {
        RateModel rates = Prl2020RateModel.of(ModelParameters.of(200.0, 1.0, 10.0, 0.0, 1.0));
        StationaryAnalysis a = StationaryAnalysis.factorize(rates, Truncation.automatic(1e-10),
                StationarySolvers.auto());
        double tau = NoiseAnalysis.of(a.generator(), a.factorization()).zeroFrequency(Observable.particleNumber())
                .correlationTime();
        double dt = 3.0 * tau;
        SampledCorrelation sampled = SampledAutocovariance.of(a.generator(), a.result().probabilitiesView())
                .compute(Observable.particleNumber(), dt, 0, SampledAutocovariance.DEFAULT_TOLERANCE);
        assertTrue(sampled.converged(), sampled::toString);
        ExactDistribution exact = ExactDistribution.of(a.result().space(), a.result().probabilitiesView())
                .withCorrelationTime(tau).withSampledCorrelation(sampled);
        SampleValidator validator = SampleValidator.withDefaults().withSignificance(0.01);
        Map<String, Integer> rejections = new LinkedHashMap<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            MonteCarloSettings settings = MonteCarloSettings.of(8192.5 * dt).withSampleInterval(dt)
                    .withBurnIn(20 * tau).withReplicas(2).withThreads(1).withSeed(3_004_000L + seed);
            ValidationReport report = validator.validate(Samples.of(GillespieSimulator.of(rates).run(settings)),
                    exact);
            for (TestVerdict t : report.tests()) {
                rejections.merge(t.name(), t.passed() ? 0 : 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : rejections.entrySet()) {
            assertTrue(e.getValue() <= ALLOWED, () -> e.getKey() + " rejected " + e.getValue() + " of " + SEEDS
                    + " correct seeds at alpha = 0.01: " + rejections);
        }
        assertTrue(rejections.size() == 8, rejections::toString);
    }
}
