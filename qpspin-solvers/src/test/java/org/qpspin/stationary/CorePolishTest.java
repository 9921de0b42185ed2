package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.BandTruncation;
import org.qpspin.truncation.ProbableCore;

/**
 * The tail polishing of {@link CoreFactorization} on a deliberately short core (the mean-field band at a loose
 * tolerance, no widening), where the tail carries real probability and GMRES needs about ten iterations: the
 * polishing sweeps bring every tail entry above the core's edge mass to its own relative accuracy (measured
 * 1e-9; 1.6e-6 without them).
 */
class CorePolishTest {

    @Test
    void polishedTailAndTruncationCostMatchTheExactSolverOnAShortCore() {
        ModelParameters sr = ModelParameters.withMeanFieldN0(60, 1, 50, 0, 1);
        StateSpace space = StateSpace.rectangle(330, 32);
        Generator generator = Generator.assemble(Prl2020RateModel.of(sr), space);
        StateSpace shortCore = BandTruncation.around(sr, 330, 1e-4, 0);
        int[] low = new int[331];
        int[] high = new int[331];
        for (int n = 0; n <= 330; n++) {
            high[n] = Math.min(space.highM(n), shortCore.highM(n));
        }
        StateSpace core = ProbableCore.closedBand(space, low, high);
        StationaryFactorization exactCore = StationarySolvers.levels().factorize(Generator.assemble(
                Prl2020RateModel.of(sr), core));
        CoreFactorization f = new CoreFactorization(generator, exactCore, System.nanoTime());
        StationaryResult exact = StationarySolvers.levels().solve(generator);
        double cost = exact.relativeOmittedFlux();
        assertEquals(cost, f.stationary().relativeOmittedFlux(), 1e-6 * cost);
        double[] p = exact.probabilitiesView();
        double[] q = f.stationary().probabilitiesView();
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double worst = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > ProbableCore.EDGE_MASS * max) {
                worst = Math.max(worst, Math.abs(p[i] - q[i]) / p[i]);
            }
        }
        assertTrue(worst < 1e-8, "worst entry above " + ProbableCore.EDGE_MASS + " p_max: " + worst + ", " + f.solver());
        assertTrue(f.solver().contains(" tail sweeps]") && !f.solver().contains(", 0 tail sweeps]"), f.solver());
    }
}
