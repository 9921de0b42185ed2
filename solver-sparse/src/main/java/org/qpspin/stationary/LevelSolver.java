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
     * The stationary vector as {@link #solve}, then a second level elimination pinned at the most probable
     * state ({@link LevelFactorization}) for group-inverse solves: about twice the cost of {@link #solve} and
     * ≈ 4 w doubles per state.
     */
    @Override
    public StationaryFactorization factorize(Generator generator) {
        long start = System.nanoTime();
        double[] p = LevelElimination.run(generator, false).stationary();
        StationaryResult result = StationaryResult.of(generator, p, name(), (System.nanoTime() - start) * 1e-9);
        return new LevelFactorization(generator, result);
    }
}
