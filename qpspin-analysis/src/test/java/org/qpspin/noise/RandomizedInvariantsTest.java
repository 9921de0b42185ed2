package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * Seeded random parameters in every regime (SR, TA, crossover, unpolarized), two each, with mean-field N0 between
 * 3 and 40 so that every case is exact and quick, and the invariants that must hold whatever the parameters: the
 * automatic truncation's cost within its tolerance, a small stationary residual, probabilities ≥ 0 summing to 1,
 * two stationary solvers (auto and the sparse LU) agreeing, S_N(0) > 0 with a checked group-inverse residual, and
 * the slowest relaxation rates positive, converged in the truncation, and agreeing with the dense
 * eigen-decomposition where the chain is small.
 */
class RandomizedInvariantsTest {

    private static final long SEED = 0x14L; // issue 14
    private static final int PER_REGIME = 2;

    static Stream<Arguments> cases() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Arguments> out = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            int found = 0;
            for (int tries = 0; tries < 200_000 && found < PER_REGIME; tries++) {
                double a = Math.pow(10, -1 + 5 * random.nextDouble());
                double v = Math.pow(10, -2 + 3 * random.nextDouble());
                double g = Math.pow(10, 3 * random.nextDouble());
                double gt = g * Math.pow(10, -4 + 4 * random.nextDouble());
                double tau = Math.pow(10, -3 + 5 * random.nextDouble());
                ModelParameters p = ModelParameters.of(a, v, g, gt, tau);
                double n0 = MeanFieldFixedPoint.of(p).meanN();
                if (Regime.classify(p) == regime && n0 >= 3 && n0 <= 40) {
                    out.add(Arguments.of(regime, a, v, g, gt, tau));
                    found++;
                }
            }
            assertEquals(PER_REGIME, found, "cases found for " + regime);
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: A={1}, V={2}, Gamma={3}, Gamma_t={4}, tau_s={5}")
    @MethodSource("cases")
    void invariantsHold(Regime regime, double a, double v, double g, double gt, double tau) {
        ModelParameters p = ModelParameters.of(a, v, g, gt, tau);
        double tol = Truncation.DEFAULT_TOLERANCE;
        StationaryAnalysis sa = StationaryAnalysis.factorize(Prl2020RateModel.of(p), Truncation.automatic(tol),
                StationarySolvers.auto());
        StationaryResult r = sa.result();
        assertTrue(r.relativeOmittedFlux() <= tol, "cost " + r.relativeOmittedFlux());
        assertTrue(r.relativeResidual() <= 1e-10, "stationary residual " + r.relativeResidual());
        double sum = 0.0;
        for (double x : r.probabilitiesView()) {
            assertTrue(x >= 0.0, "negative probability " + x);
            sum += x;
        }
        assertEquals(1.0, sum, 1e-12);
        StationaryResult lu = StationarySolvers.lu().solve(sa.generator());
        assertEquals(r.meanN(), lu.meanN(), 1e-9 * r.meanN(), "<N>: auto vs lu");
        assertEquals(r.varianceN(), lu.varianceN(), 1e-8 * r.varianceN(), "Var N: auto vs lu");

        NoiseAnalysis noise = NoiseAnalysis.of(sa.generator(), sa.factorization());
        ZeroFrequencyNoise zero = noise.zeroFrequency(Observable.particleNumber());
        assertTrue(zero.zeroFrequency() > 0.0 && Double.isFinite(zero.zeroFrequency()), "S_N(0) " + zero);
        assertTrue(zero.relativeResidual() <= NoiseAnalysis.RESIDUAL_CAP, "group-inverse residual");

        RelaxationConvergence c = RelaxationConvergence.compute(noise, 3, (n, m) -> {
            StationaryAnalysis grown = StationaryAnalysis.factorize(Prl2020RateModel.of(p), Truncation.fixed(n, m),
                    StationarySolvers.auto());
            return NoiseAnalysis.of(grown.generator(), grown.factorization());
        }, RelaxationConvergence.DEFAULT_TOLERANCE, RelaxationConvergence.DEFAULT_MAX_GROWTHS, 2_000_000);
        assertTrue(c.converged(), c.steps().toString());
        double[] rates = c.rates();
        for (int k = 0; k < rates.length; k++) {
            assertTrue(rates[k] > 0.0 && Double.isFinite(rates[k]), "gamma_" + (k + 1) + " = " + rates[k]);
            assertTrue(c.errors()[k] <= 1e-8 * Math.hypot(rates[k], c.frequencies()[k]), "error of gamma_" + (k + 1));
        }
        if (noise.generator().size() <= DenseRelaxation.MAX_STATES && noise.generator().size() >= 40) {
            RelaxationSpectrum dense = DenseRelaxation.compute(noise.generator(), 3);
            RelaxationSpectrum arpack = ArpackRelaxation.compute(noise, 3);
            for (int k = 0; k < 3; k++) {
                assertEquals(dense.rates()[k], arpack.rates()[k], 1e-9 * dense.rates()[k], "dense vs ARPACK");
            }
        }
    }
}
