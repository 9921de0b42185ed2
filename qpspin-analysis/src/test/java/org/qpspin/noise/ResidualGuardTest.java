package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/** The residual guard of group-inverse solves: 1e-8, raised to the rounding of L x on long chains, capped at 1e-6. */
class ResidualGuardTest {

    private static final Generator CHAIN = Generator.assemble(
            Prl2020RateModel.of(ModelParameters.withMeanFieldN0(40, 1, 50, 0, 1)), StateSpace.rectangle(220, 25));

    @Test
    void limitIsTheFixedBarWhereRoundingIsSmall() {
        NoiseAnalysis a = NoiseAnalysis.of(CHAIN, StationarySolvers.levels().factorize(CHAIN));
        NoiseAnalysis.Centred c = a.centre(Observable.particleNumber());
        double[] x = a.solveResponse(c);
        assertEquals(NoiseAnalysis.RESIDUAL_LIMIT, a.residualLimit(x, c.weighted));
        assertTrue(a.relativeResidual(x, c.weighted) < 1e-12);
    }

    @Test
    void limitFollowsTheRoundingOfLxUpToTheCap() {
        NoiseAnalysis a = NoiseAnalysis.of(CHAIN, StationarySolvers.levels().factorize(CHAIN));
        NoiseAnalysis.Centred c = a.centre(Observable.particleNumber());
        double[] x = a.solveResponse(c);
        double flux = 0.0;
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            flux += 2.0 * CHAIN.exitRate(i) * Math.abs(x[i]);
            s += Math.abs(c.weighted[i]);
        }
        // a δ 10^k smaller makes the flux terms of L x 10^k times larger relative to it
        for (double shrink : new double[] {1e-3, 1e-6, 1e-9}) {
            double[] delta = c.weighted.clone();
            for (int i = 0; i < delta.length; i++) {
                delta[i] *= shrink;
            }
            double rounding = NoiseAnalysis.ROUNDING_FACTOR * Math.ulp(1.0) * flux / (s * shrink);
            double expected = Math.min(NoiseAnalysis.RESIDUAL_CAP, Math.max(NoiseAnalysis.RESIDUAL_LIMIT, rounding));
            assertEquals(expected, a.residualLimit(x, delta), 1e-12 * expected, "shrink " + shrink);
        }
        double[] tiny = c.weighted.clone();
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] *= 1e-12;
        }
        assertEquals(NoiseAnalysis.RESIDUAL_CAP, a.residualLimit(x, tiny));
    }

    @Test
    void wrongSolvesAreStillRefused() {
        StationaryFactorization exact = StationarySolvers.levels().factorize(CHAIN);
        StationaryFactorization perturbed = new StationaryFactorization() {
            @Override
            public StationaryResult stationary() {
                return exact.stationary();
            }

            @Override
            public void solveGroupInverse(double[] b, double[] x) {
                exact.solveGroupInverse(b, x);
                for (int i = 0; i < x.length; i += 7) {
                    x[i] *= 1.0 + 1e-4; // a solve wrong in the fourth digit
                }
            }

            @Override
            public String solver() {
                return "perturbed";
            }
        };
        NoiseAnalysis a = NoiseAnalysis.of(CHAIN, perturbed);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> a.zeroFrequency(Observable.particleNumber()));
        assertTrue(e.getMessage().contains("perturbed"), e.getMessage());
    }
}
