package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.FixedBlockLoops;
import org.qpspin.linalg.amg.AggregationMultigrid;
import org.qpspin.linalg.amg.LineGaussSeidel;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/**
 * The multigrid solver on two cores gives the same bits as on one: on the chains of {@link LevelSolverAgainstLuTest}
 * (10⁴–2·10⁴ states) with the parallel paths forced ({@link FixedBlockLoops#parallelStates} = 0, and blocks of lines
 * on every level of at least 2·1024 states, {@link LineGaussSeidel#blockStates} = 1024), the stationary vector and
 * an S_N(0) group-inverse solve computed in a fork-join pool of one worker, of two workers, and with every loop on
 * the calling thread, are identical entry for entry (the blocks are fixed by the sizes, sums are added in block
 * order, and lines relaxed at the same time are not coupled); the parallel path was taken; and the blocked order of
 * the lines still converges to the LU's answer (⟨N⟩ to 10⁻¹⁰).
 */
class MultigridTwoCoresTest {

    /** p, then x = L^# b for b = −(N − ⟨N⟩) p, in the pool of the calling thread. */
    private static double[][] solve(Generator g) {
        MultigridFactorization f = new MultigridSolver().factorize(g);
        StationaryResult r = f.stationary();
        double[] p = r.probabilities();
        double[] b = new double[g.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = -(g.space().levelOf(i) - r.meanN()) * p[i];
        }
        double[] x = new double[b.length];
        f.solveGroupInverse(b, x);
        return new double[][] {p, x, {r.meanN()}};
    }

    private static double[][] inPool(int threads, Generator g) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> solve(g)).get();
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.qpspin.stationary.LevelSolverAgainstLuTest#chains")
    void oneAndTwoThreadsGiveTheSameBits(String name, ModelParameters parameters, StateSpace space) throws Exception {
        Generator g = Generator.assemble(Prl2020RateModel.of(parameters), space);
        int savedStates = FixedBlockLoops.parallelStates;
        int savedBlock = LineGaussSeidel.blockStates;
        double[][] one;
        double[][] two;
        double[][] serial;
        long runs;
        try {
            LineGaussSeidel.blockStates = 1024;
            AggregationMultigrid hierarchy = new AggregationMultigrid(g.rows(), SpinAggregates.levelLines(space),
                    SpinAggregates.hierarchy(space, SpinAggregates.DEFAULT), MultigridSolver.CYCLE);
            assertEquals(2, hierarchy.levelBlocks(0), "the fine level's lines in two blocks");
            FixedBlockLoops.parallelStates = 0;
            long before = FixedBlockLoops.parallelRuns();
            one = inPool(1, g);
            two = inPool(2, g);
            runs = FixedBlockLoops.parallelRuns() - before;
            FixedBlockLoops.parallelStates = Integer.MAX_VALUE;
            serial = solve(g);
        } finally {
            FixedBlockLoops.parallelStates = savedStates;
            LineGaussSeidel.blockStates = savedBlock;
        }
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(runs > 0, "the parallel path was not taken");
        }
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], two[k], "1 vs 2 threads, vector " + k);
            assertArrayEquals(one[k], serial[k], "pool vs calling thread, vector " + k);
        }
        double lu = StationarySolvers.lu().solve(g).meanN();
        assertEquals(lu, two[2][0], 1e-10 * lu, "<N> with blocked lines against lu");
    }
}
