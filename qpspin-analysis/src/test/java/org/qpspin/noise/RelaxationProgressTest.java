package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qpspin.dynamics.ProgressRecorder;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * Progress of the relaxation rates: ARPACK's iteration (a measured proxy, one phase) and the truncation-growth
 * loop (one phase over the planned truncations, ARPACK's progress nested in each truncation's slice): monotone,
 * ending at the total, and the rates bit-identical with and without a listener.
 */
class RelaxationProgressTest {

    private static final ModelParameters P = ModelParameters.of(40, 1, 10, 0.5, 0.4);

    private static NoiseAnalysis chain(int nMax, int mMax) {
        StationaryAnalysis sa = StationaryAnalysis.factorize(Prl2020RateModel.of(P), Truncation.fixed(nMax, mMax),
                StationarySolvers.auto());
        return NoiseAnalysis.of(sa.generator(), sa.factorization());
    }

    private static void assertSameSpectrum(RelaxationSpectrum a, RelaxationSpectrum b) {
        assertArrayEquals(a.rates(), b.rates(), 0.0);
        assertArrayEquals(a.frequencies(), b.frequencies(), 0.0);
        assertArrayEquals(a.residuals(), b.residuals(), 0.0);
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.operatorApplications(), b.operatorApplications());
    }

    @Test
    void arpackReportsMonotonicallyToItsTotalAndChangesNoBit() {
        Generator g = Generator.assemble(Prl2020RateModel.of(P), StateSpace.rectangle(80, 20));
        NoiseAnalysis a = NoiseAnalysis.of(g, StationarySolvers.lu().factorize(g));
        RelaxationSpectrum plain = a.relaxationSpectrum(8);
        ProgressRecorder recorder = new ProgressRecorder();
        RelaxationSpectrum listened = a.relaxationSpectrum(8, recorder);
        assertTrue(listened.implementation().contains("ARPACK"), listened.implementation());
        recorder.assertComplete();
        assertEquals(List.of("relaxation rates: ARPACK"), recorder.phases);
        assertSameSpectrum(plain, listened);
    }

    @Test
    void theGrowthLoopIsOnePhaseWithArpackNestedAndChangesNoBit() {
        NoiseAnalysis first = chain(16, 4);
        RelaxationConvergence plain = RelaxationConvergence.compute(first, 4, RelaxationProgressTest::chain,
                1e-12, RelaxationConvergence.DEFAULT_MAX_GROWTHS, 100_000);
        ProgressRecorder recorder = new ProgressRecorder();
        RelaxationConvergence listened = RelaxationConvergence.compute(first, 4, RelaxationProgressTest::chain,
                1e-12, RelaxationConvergence.DEFAULT_MAX_GROWTHS, 100_000,
                recorder);
        assertTrue(listened.steps().size() >= 3, "grew at least twice: " + listened.steps());
        recorder.assertComplete();
        assertEquals(List.of("relaxation rates: growing the truncation"), recorder.phases);
        assertArrayEquals(plain.rates(), listened.rates(), 0.0);
        assertArrayEquals(plain.frequencies(), listened.frequencies(), 0.0);
        assertArrayEquals(plain.errors(), listened.errors(), 0.0);
        assertEquals(plain.converged(), listened.converged());
        assertEquals(plain.steps(), listened.steps());
    }

    /** The planned slices: increasing, weighted by states, ending at 1, and no truncation beyond the state cap. */
    @Test
    void plannedSlicesGrowWithTheStatesAndEndAtOne() {
        double[] ends = RelaxationConvergence.plannedEnds(100, 10, false, 1100, 8, 1_000_000);
        assertEquals(9, ends.length);
        assertEquals(1.0, ends[ends.length - 1], 0.0);
        for (int k = 1; k < ends.length; k++) {
            assertTrue(ends[k] - ends[k - 1] > (k == 1 ? ends[0] : ends[k - 1] - ends[k - 2]),
                    "each slice wider than the one before: " + java.util.Arrays.toString(ends));
        }
        assertEquals(1, RelaxationConvergence.plannedEnds(100, 10, false, 1100, 8, 1200).length);
    }
}
