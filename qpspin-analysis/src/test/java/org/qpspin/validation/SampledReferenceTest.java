package org.qpspin.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qpspin.dynamics.SampledCorrelation;
import org.qpspin.space.StateSpace;

/**
 * The time-domain tests at a sampling interval equal to the correlation time, on a chain with a closed form: the
 * telegraph process N ∈ {0, 1} with rates 0→1 = 1→0 = 1/s (τ = ½ s, Var N = ¼, C(t) = ¼ e^{−t/τ},
 * S(ω) = 2 Var τ/(1 + ω²τ²)), sampled exactly every Δt = τ: x_{k+1} = 1 with probability ½ + (x_k − ½) λ,
 * λ = e^{−Δt/τ}, so C_k = ¼ λ^k, τ_int = ½ + λ/(1 − λ) ≈ 1.082 samples and Δt τ_int ≈ 1.082 τ, 8 % above the
 * continuous τ. A correct series passes against the exact sampled-sequence reference; against the continuous τ
 * and the three-alias spectrum it is rejected (the bias the exact reference removes).
 */
class SampledReferenceTest {

    private static final double TAU = 0.5;
    private static final double DT = TAU;
    private static final double LAMBDA = Math.exp(-DT / TAU);
    private static final double VAR = 0.25;
    private static final StateSpace SPACE = StateSpace.triangle(1); // (0,0), (1,0)

    private static BatchedSamples series(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] n = new int[length];
        int[] m = new int[length];
        n[0] = random.nextDouble() < 0.5 ? 1 : 0;
        for (int k = 1; k < length; k++) {
            n[k] = random.nextDouble() < 0.5 + (n[k - 1] - 0.5) * LAMBDA ? 1 : 0;
        }
        return BatchedSamples.of(Samples.of(List.of(n), List.of(m), DT), new ArrayList<>());
    }

    private static ExactDistribution continuousOnly() {
        return ExactDistribution.of(SPACE, new double[] {0.5, 0.5}).withCorrelationTime(TAU)
                .withSpectrum(omega -> {
                    double[] s = new double[omega.length];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = 2.0 * VAR * TAU / (1.0 + omega[i] * omega[i] * TAU * TAU);
                    }
                    return s;
                });
    }

    /** C_k = ¼ λ^k until it is below 1e-18 (the closed form; the tail beyond is < 1e-18). */
    private static SampledCorrelation exactSampled(double dt) {
        List<Double> c = new ArrayList<>();
        for (double v = VAR; v > 1e-18; v *= LAMBDA) {
            c.add(v);
        }
        return new SampledCorrelation("N", dt, 0.5, c.stream().mapToDouble(Double::doubleValue).toArray(), 1e-18,
                0.0, true, "closed form");
    }

    @Test
    void theExactSampledReferenceIsTheWindowedSumNotTheContinuousTau() {
        SampledCorrelation sampled = exactSampled(DT);
        double full = 0.5 + LAMBDA / (1.0 - LAMBDA);
        assertEquals(full, sampled.integratedAutocorrelation(), 1e-14);
        // window W: ½ + Σ_{k≤W} λ^k (the truncation bias λ^{W+1}/(1 − λ) is in the reference)
        assertEquals(0.5 + LAMBDA * (1 - Math.pow(LAMBDA, 7)) / (1.0 - LAMBDA),
                CorrelationTimeTest.windowed(sampled, 7), 1e-14);
        assertEquals(0.5, CorrelationTimeTest.windowed(sampled, 0), 0.0);
        assertTrue(DT * full > 1.08 * TAU, "the sampled expectation is 8 % above the continuous tau");
        // the full alias sum of the Lorentzian: Δt Σ C_k e^{ikθ} = Δt Var (1 − λ²)/(1 − 2λ cos θ + λ²)
        double theta = 0.7;
        assertEquals(DT * VAR * (1 - LAMBDA * LAMBDA) / (1 - 2 * LAMBDA * Math.cos(theta) + LAMBDA * LAMBDA),
                sampled.aliasedSpectrum(theta / DT), 1e-15);
    }

    @Test
    void aCorrectSeriesSampledAtTheCorrelationTimePassesAgainstTheExactSampledReference() {
        BatchedSamples samples = series(7, 1_000_000);
        ExactDistribution exact = continuousOnly().withSampledCorrelation(exactSampled(DT));
        List<String> warnings = new ArrayList<>();
        TestVerdict tau = CorrelationTimeTest.withDefaults().test(samples, exact, warnings).orElseThrow();
        TestVerdict spectrum = WelchSpectrumTest.withDefaults().test(samples, exact, warnings).orElseThrow();
        assertTrue(tau.passed(), tau::toString);
        assertTrue(spectrum.passed(), spectrum::toString);
        assertTrue(spectrum.method().contains("full alias sum"), spectrum::method);

        // the same series against the continuous references only: rejected (the bias, not the data)
        TestVerdict tauOld = CorrelationTimeTest.withDefaults().test(samples, continuousOnly(), warnings)
                .orElseThrow();
        TestVerdict spectrumOld = WelchSpectrumTest.withDefaults().test(samples, continuousOnly(), warnings)
                .orElseThrow();
        assertFalse(tauOld.passed(), tauOld::toString);
        assertFalse(spectrumOld.passed(), spectrumOld::toString);

        // a reference for another Δt is not used (falls back to the continuous one)
        ExactDistribution otherDt = continuousOnly().withSampledCorrelation(exactSampled(2 * DT));
        assertFalse(CorrelationTimeTest.withDefaults().test(samples, otherDt, warnings).orElseThrow().passed());
    }

    @Test
    void aWrongTimeScaleIsStillCaughtAgainstTheExactSampledReference() {
        // series with τ 10 % longer than the reference's
        double lambda = Math.exp(-DT / (1.1 * TAU));
        SplittableRandom random = new SplittableRandom(11);
        int[] n = new int[1_000_000];
        for (int k = 1; k < n.length; k++) {
            n[k] = random.nextDouble() < 0.5 + (n[k - 1] - 0.5) * lambda ? 1 : 0;
        }
        BatchedSamples samples = BatchedSamples.of(Samples.of(List.of(n), List.of(new int[n.length]), DT),
                new ArrayList<>());
        ExactDistribution exact = continuousOnly().withSampledCorrelation(exactSampled(DT));
        List<String> warnings = new ArrayList<>();
        assertFalse(CorrelationTimeTest.withDefaults().test(samples, exact, warnings).orElseThrow().passed());
        assertFalse(WelchSpectrumTest.withDefaults().test(samples, exact, warnings).orElseThrow().passed());
    }
}
