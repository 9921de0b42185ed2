package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/**
 * {@link StationarySolver#withProgress}: every phase a solver reports starts with a positive total and advances
 * monotonically, never beyond the total, ending exactly at it; the stationary vector and the group-inverse
 * solves are bit-identical with and without a listener (listening never touches the arithmetic). Levels runs
 * both with phase A on its own thread and sequentially, so the two threads' reports interleave through one lock.
 */
class SolverProgressTest {

    /** A weakly polarized cluster on a rectangle of 5 000+ states: a few hundred LU fronts, ~300 levels. */
    private static final Generator GENERATOR = Generator.assemble(
            Prl2020RateModel.of(ModelParameters.withMeanFieldN0(40, 1, 10, 0, 1.0 / 3)), StateSpace.rectangle(300, 20));

    /** Records the calls, checking the contract as they come. */
    static final class Recorder implements ProgressListener {
        final List<String> phases = new ArrayList<>();
        final List<Long> ends = new ArrayList<>();
        long total = -1;
        long last = -1;
        int advances;

        @Override
        public void start(String phase, long total) {
            assertTrue(last == this.total, "previous phase " + phases + " ended at " + last + " of " + this.total);
            assertTrue(total > 0, "total " + total);
            phases.add(phase);
            this.total = total;
            this.last = 0;
        }

        @Override
        public void advance(long done) {
            assertTrue(done >= last && done <= total, done + " after " + last + " of " + total);
            last = done;
            advances++;
            if (done == total) {
                ends.add(done);
            }
        }

        void assertComplete() {
            assertFalse(phases.isEmpty(), "no phase reported");
            assertEquals(phases.size(), ends.size(), "every phase ends at its total: " + phases);
            assertEquals(total, last);
            assertTrue(advances > phases.size(), "progress within the phases, not only their ends: " + advances);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lu", "levels", "levels-parallel", "core", "auto", "multigrid"})
    void reportsEachPhaseMonotonicallyToItsTotalAndChangesNoBit(String name) {
        int saved = LevelFactorization.parallelStates;
        LevelFactorization.parallelStates = name.equals("levels-parallel") ? 0 : Integer.MAX_VALUE;
        try {
            StationarySolver plain = StationarySolvers.byName(name.replace("-parallel", ""));
            Recorder recorder = new Recorder();
            StationarySolver listened = plain.withProgress(recorder);
            assertEquals(plain.kind(), listened.kind());

            StationaryFactorization a = plain.factorize(GENERATOR);
            StationaryFactorization b = listened.factorize(GENERATOR);
            recorder.assertComplete();
            assertArrayEquals(a.stationary().probabilitiesView(), b.stationary().probabilitiesView(), 0.0);
            double[] rhs = new double[GENERATOR.size()];
            rhs[3] = 1.0;
            rhs[GENERATOR.size() - 5] = -1.0;
            double[] xa = new double[rhs.length];
            double[] xb = new double[rhs.length];
            a.solveGroupInverse(rhs, xa);
            b.solveGroupInverse(rhs, xb);
            assertArrayEquals(xa, xb, 0.0);
            recorder.assertComplete(); // a solver reporting its group-inverse solves (multigrid) ends them too

            if (name.equals("core")) { // the iterative phases after the core's exact factorization
                assertTrue(recorder.phases.contains("core solver: GMRES"), recorder.phases.toString());
            }

            Recorder again = new Recorder();
            assertArrayEquals(plain.solve(GENERATOR).probabilitiesView(),
                    plain.withProgress(again).solve(GENERATOR).probabilitiesView(), 0.0);
            again.assertComplete();
        } finally {
            LevelFactorization.parallelStates = saved;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gth"})
    void aSolverWithoutLongPhasesIsItself(String name) {
        StationarySolver s = StationarySolvers.byName(name);
        assertSame(s, s.withProgress(new Recorder()));
    }
}
