package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
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

    private static final ModelParameters SR = ModelParameters.withMeanFieldN0(60, 1, 50, 0, 1);
    private static final StateSpace SPACE = StateSpace.rectangle(330, 32);

    /** The short core's exact factorization (the mean-field band at tolerance 1e-4, no widening). */
    private static StationaryFactorization shortCore(Generator generator) {
        StateSpace shortCore = BandTruncation.around(SR, 330, 1e-4, 0);
        int[] low = new int[331];
        int[] high = new int[331];
        for (int n = 0; n <= 330; n++) {
            high[n] = Math.min(SPACE.highM(n), shortCore.highM(n));
        }
        StateSpace core = ProbableCore.closedBand(SPACE, low, high);
        return StationarySolvers.levels().factorize(Generator.assemble(Prl2020RateModel.of(SR), core));
    }

    @Test
    void polishedTailAndTruncationCostMatchTheExactSolverOnAShortCore() {
        Generator generator = Generator.assemble(Prl2020RateModel.of(SR), SPACE);
        StationaryFactorization exactCore = shortCore(generator);
        CoreFactorization f = new CoreFactorization(generator, exactCore, System.nanoTime(), ProgressListener.NONE);
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

    /**
     * The iterative phases after the core's factorization report progress: GMRES (about ten iterations here) and
     * the tail sweeps, each monotone to its total; the stationary vector is bit-identical without a listener.
     */
    @Test
    void gmresAndTailSweepsReportProgressAndChangeNoBit() {
        Generator generator = Generator.assemble(Prl2020RateModel.of(SR), SPACE);
        StationaryFactorization exactCore = shortCore(generator);
        SolverProgressTest.Recorder recorder = new SolverProgressTest.Recorder();
        CoreFactorization listened = new CoreFactorization(generator, exactCore, System.nanoTime(), recorder);
        CoreFactorization plain = new CoreFactorization(generator, exactCore, System.nanoTime(),
                ProgressListener.NONE);
        recorder.assertComplete();
        assertEquals(List.of("core solver: GMRES", "core solver: tail sweeps"), recorder.phases);
        assertArrayEquals(plain.stationary().probabilitiesView(), listened.stationary().probabilitiesView(), 0.0);
        assertEquals(plain.solver(), listened.solver());
    }
}
