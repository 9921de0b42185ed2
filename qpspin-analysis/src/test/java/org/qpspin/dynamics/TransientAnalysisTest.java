package org.qpspin.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/** P(N, m; t) against closed forms, a dense exponential and the stationary law. */
class TransientAnalysisTest {

    @Test
    void immigrationDeathIsPoissonAtEveryTime() {
        double birth = 30.0;
        double death = 1.0;
        RateModel rates = ClosedFormChains.immigrationDeath(birth, death);
        double[] times = {0.01, 0.1, 0.5, 1.0, 3.0, 10.0};
        TransientResult r = TransientAnalysis.withDefaults().withTolerance(1e-12)
                .compute(rates, StartDistribution.pointMass(0, 0), times, null);
        for (int i = 0; i < times.length; i++) {
            double lambda = birth / death * (1 - Math.exp(-death * times[i]));
            double[] exact = ClosedFormChains.poisson(lambda, r.nMax());
            double[] pn = r.marginalN()[i];
            double l1 = 0.0;
            for (int n = 0; n < pn.length; n++) {
                l1 += Math.abs(pn[n] - exact[n]);
            }
            assertTrue(l1 <= 1e-11, "t = " + times[i] + ": |P - Poisson|_1 = " + l1);
            assertEquals(lambda, r.meanN()[i], 1e-10 * lambda);
            assertEquals(lambda, r.varianceN()[i], 1e-9 * lambda);
            assertTrue(r.lostMass()[i] <= 1e-12);
        }
    }

    @Test
    void prlChainMatchesDenseExponentialWithMassAccounted() {
        ModelParameters p = ModelParameters.of(40, 1, 10, 0.5, 0.4);
        RateModel rates = Prl2020RateModel.of(p);
        double[] times = {0.002, 0.02, 0.2, 2.0};
        StartDistribution start = StartDistribution.of(new int[] {0, 6}, new int[] {0, 2}, new double[] {0.25, 0.75});
        // fixed small truncation: the dense oracle sees the same chain with its sinks
        TransientResult r = TransientAnalysis.withDefaults().withFixedTruncation(14, 4).compute(rates, start, times,
                null);
        AbsorbingChain chain = r.chain();
        DMatrixRMaj dense = DenseExponential.dense(chain.matrix());
        double[] x0 = chain.initialVector(start);
        for (int i = 0; i < times.length; i++) {
            double[] exact = DenseExponential.apply(DenseExponential.expm(dense, times[i]), x0);
            double l1 = 0.0;
            for (int s = 0; s < chain.keptStates(); s++) {
                l1 += Math.abs(exact[s] - r.distributions()[i][s]);
            }
            assertTrue(l1 <= 1e-10, "t = " + times[i] + ": " + l1);
            double lost = exact[chain.lostNSink()] + exact[chain.lostMSink()];
            assertEquals(lost, r.lostMass()[i], 1e-12 + 1e-9 * lost);
            double mass = 0.0;
            for (double v : r.distributions()[i]) {
                assertTrue(v >= 0.0);
                mass += v;
            }
            assertEquals(1.0, mass + r.lostMass()[i], 1e-13, "mass conservation");
        }
        assertTrue(r.lostMass()[times.length - 1] > 1e-6, "this truncation is meant to lose mass");
    }

    @Test
    void automaticTruncationKeepsLostMassBelowToleranceAndReachesTheStationaryLaw() {
        ModelParameters p = ModelParameters.of(40, 1, 10, 0.5, 0.4);
        RateModel rates = Prl2020RateModel.of(p);
        double[] times = {0.01, 1.0, 100.0};
        // a tolerance the first truncation does not meet: the growth must happen and must reach it
        TransientResult r = TransientAnalysis.withDefaults().withTolerance(1e-14)
                .compute(rates, StartDistribution.pointMass(0, 0), times, null);
        assertTrue(r.attempts() >= 2, "attempts " + r.attempts());
        assertTrue(r.lostMass()[2] <= 1e-14, "lost " + r.lostMass()[2]);
        // stationary law of the reflecting generator on a much larger truncation
        Generator big = Generator.assemble(rates, StateSpace.rectangle(r.nMax() + 40, r.mMax() + 20));
        StationaryResult st = StationarySolvers.gth().solve(big);
        assertEquals(st.meanN(), r.meanN()[2], 1e-9 * st.meanN());
        assertEquals(st.varianceN(), r.varianceN()[2], 1e-8 * st.varianceN());
        assertEquals(st.meanM(), r.meanM()[2], 1e-9 * Math.max(1, st.meanM()));
        assertTrue(r.attempts() >= 1);
    }

    @Test
    void badTimesAreRefused() {
        RateModel rates = ClosedFormChains.immigrationDeath(1, 1);
        StartDistribution s = StartDistribution.pointMass(0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> TransientAnalysis.withDefaults().compute(rates, s, new double[] {1, 1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> TransientAnalysis.withDefaults().compute(rates, s, new double[] {-1}, null));
        assertThrows(IllegalArgumentException.class, () -> StartDistribution.pointMass(3, 2));
        assertThrows(IllegalArgumentException.class,
                () -> StartDistribution.of(new int[] {0, 1}, new int[] {0, 0}, new double[] {0.5, 0.6}));
    }
}
