package org.qpspin.stationary;

import org.qpspin.generator.Generator;

/**
 * Block GTH elimination over the levels N: the subtraction-free exact solver for chains that are narrow in m.
 *
 * <p>Censors the states level by level from N = Nmax down to N = 1 on dense blocks of two levels' rows and
 * three levels' columns (see {@link LevelElimination}), then back-substitutes p_0 = 1,
 * p_k = Σ_i p_i q[i][k] / s_k upwards with a power-of-two scale per level. Only additions of non-negative
 * numbers, multiplications and divisions occur, so every probability in the double range keeps a small relative
 * error however tiny it is; the elimination order (descending state index) is that of the dense
 * {@link GthSolver}, which computes the same numbers on one n × n array.
 *
 * <p>Cost O(Σ_K w_K³) flops and O(Σ_K w_K²) memory with w_K the width of level K: seconds for 10⁶ states
 * of width ~30. A state that cannot reach lower states (reducible chain) is rejected, naming it.
 */
final class LevelSolver implements StationarySolver {

    @Override
    public String name() {
        return "levels";
    }

    @Override
    public StationaryResult solve(Generator generator) {
        long start = System.nanoTime();
        double[] p = LevelElimination.run(generator, false).stationary();
        return StationaryResult.of(generator, p, name(), (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Largest p_max / p(0, 0) for which the UL solve is used: its error grows like ε p_max / p(0, 0) (the
     * singular pivot is state 0, see {@link LevelFactorization}), so beyond this the group-inverse solves go to
     * the sparse LU pinned at the most probable state.
     */
    static final double MAX_PEAK_TO_ORIGIN = 1e4;

    /**
     * The elimination with its rows kept: a UL factorization of L for group-inverse solves when p(0, 0) is within
     * {@link #MAX_PEAK_TO_ORIGIN} of the largest probability; otherwise the stationary vector is this solver's
     * and the further solves use the sparse LU factorization ({@link StationarySolvers#lu()}).
     */
    @Override
    public StationaryFactorization factorize(Generator generator) {
        long start = System.nanoTime();
        LevelElimination elimination = LevelElimination.run(generator, true);
        double[] p = elimination.stationary();
        StationaryResult result = StationaryResult.of(generator, p, name(), (System.nanoTime() - start) * 1e-9);
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        if (p[0] * MAX_PEAK_TO_ORIGIN >= max) {
            return new LevelFactorization(elimination, result);
        }
        elimination = null; // release the kept rows before the LU factorization
        StationaryFactorization lu = StationarySolvers.lu().factorize(generator);
        return new StationaryFactorization() {
            @Override
            public StationaryResult stationary() {
                return result;
            }

            @Override
            public void solveGroupInverse(double[] b, double[] x) {
                lu.solveGroupInverse(b, x);
            }

            @Override
            public String solver() {
                return result.solver();
            }
        };
    }
}
