package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.ordering.Orderings;
import org.qpspin.space.StateSpace;

/**
 * The work of the two exact sparse solvers on one chain, counted before any number is touched: the flops and the
 * stored factor entries of the level elimination ({@link LevelSolver}) and of the multifrontal LU in its lattice
 * nested-dissection order ({@link LuSolver}). Deterministic (pattern and shape only), so they can be compared on a loaded machine,
 * against the peers' own counts (docs/benchmarks.md, "Where a 5× would have to come from"), and by {@code auto}.
 *
 * <p><b>Levels.</b> Eliminating level K censors it into the block of rows = levels K−1, K and columns = levels
 * K−D … K (D = 2, {@link LevelElimination}); the pivot taken with j states of level K still remaining updates
 * (w_{K−1} + j) rows by (w_{K−2} + w_{K−1} + j) columns, 2 flops each. So, with a = w_{K−1}, b = w_{K−2} (0 below
 * level 0) and w = w_K,
 * <pre>
 *   levelsFlops = Σ_{K≥1} Σ_{j&lt;w} 2 (a + j)(a + b + j)
 *               = Σ_{K≥1} 2 [w a (a + b) + (2a + b) w (w − 1)/2 + (w − 1) w (2w − 1)/6]   (≈ 7.7 Σ w³ for equal widths)
 *   levelsEntries = Σ_{K≥1} [w (2a + b) + w (w − 1)]   (the kept column and row of every state)
 * </pre>
 * This is the top-down count over all levels; the solver runs levels below its pin upwards (phase B, the same block
 * transposed), which differs only at the pin and the ends.
 *
 * <p><b>LU.</b> {@link SupernodalAnalysis#flops()} and {@link SupernodalAnalysis#factorEntries()} of the generator's
 * pattern in the order the LU solver uses ({@link org.qpspin.ordering.LatticeDissection} with the mean-field state
 * last): exactly what
 * {@code SparseLuFactorization.factorFlops()} and {@code factorNonZeros()} report after the factorization. The
 * analysis costs O(nnz(L + U)) time and memory, about a tenth of the factorization.
 *
 * @param states        n, the number of states
 * @param levelsFlops   the level elimination's flops (formula above)
 * @param levelsEntries the doubles the level factorization keeps (formula above)
 * @param luFlops       the multifrontal LU's flops, dense front kernels, explicit zeros of relaxed supernodes included
 * @param luEntries     the doubles the multifrontal LU's factors store
 * @param luLargestFront rows of the LU's largest dense front
 */
public record DirectSolverCosts(int states, double levelsFlops, long levelsEntries, double luFlops, long luEntries,
                                int luLargestFront) {

    /**
     * {@return the costs of both solvers on {@code generator}: the level formulas on its space, and the symbolic
     * analysis of its pattern in nested-dissection order, pinned at the mean-field state as {@link LuSolver} does}
     *
     * @param generator the assembled generator (only its pattern, space and parameters are read)
     */
    public static DirectSolverCosts of(Generator generator) {
        return of(generator, luAnalysis(generator));
    }

    /** The costs with the LU's symbolic analysis already done ({@link #luAnalysis}). */
    static DirectSolverCosts of(Generator generator, SupernodalAnalysis lu) {
        StateSpace space = generator.space();
        return new DirectSolverCosts(space.size(), levelsFlops(space), levelsEntries(space), lu.flops(),
                lu.factorEntries(), lu.largestFront());
    }

    /** The symbolic analysis {@link LuSolver} starts from: lattice order, the mean-field state last. */
    static SupernodalAnalysis luAnalysis(Generator generator) {
        StateSpace space = generator.space();
        int pinned = PinnedState.meanFieldPoint(space, generator.rateModel().parameters());
        int[] order = Orderings.withLast(Orderings.latticeDissection(space, generator.matrix()), pinned);
        return SupernodalAnalysis.of(generator.matrix(), order);
    }

    /**
     * {@return the level elimination's flops on {@code space}: Σ_{K≥1} 2 [w a (a + b) + (2a + b) w (w − 1)/2 +
     * (w − 1) w (2w − 1)/6] with w = w_K, a = w_{K−1}, b = w_{K−2} (0 for K = 1); 0 for a single level}
     *
     * @param space the truncated state space
     */
    public static double levelsFlops(StateSpace space) {
        double flops = 0.0;
        for (int k = 1; k <= space.maxN(); k++) {
            double w = space.levelWidth(k);
            double a = space.levelWidth(k - 1);
            double b = k >= 2 ? space.levelWidth(k - 2) : 0.0;
            flops += 2.0 * (w * a * (a + b) + (2 * a + b) * w * (w - 1) / 2.0 + (w - 1) * w * (2 * w - 1) / 6.0);
        }
        return flops;
    }

    /**
     * {@return the doubles the level factorization keeps on {@code space}: Σ_{K≥1} [w (2a + b) + w (w − 1)] with
     * w = w_K, a = w_{K−1}, b = w_{K−2} (0 for K = 1); 0 for a single level}
     *
     * @param space the truncated state space
     */
    public static long levelsEntries(StateSpace space) {
        long entries = 0;
        for (int k = 1; k <= space.maxN(); k++) {
            long w = space.levelWidth(k);
            long a = space.levelWidth(k - 1);
            long b = k >= 2 ? space.levelWidth(k - 2) : 0;
            entries += w * (2 * a + b) + w * (w - 1);
        }
        return entries;
    }
}
