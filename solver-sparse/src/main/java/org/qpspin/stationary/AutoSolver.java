package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.space.StateSpace;

/**
 * Chooses a stationary solver by the size and shape of the chain and reports it as {@code auto→name}.
 *
 * <p>Rule (costs in flops, n states, w_K the width of level K):
 * <ul>
 *   <li>n ≤ {@value #GTH_LIMIT}: dense GTH (n³/3 flops, subtraction-free, the oracle);</li>
 *   <li>otherwise the level solver when Σ_K w_K³ ≤ {@value #LEVELS_FACTOR} n^{3/2} (block elimination over levels
 *       costs O(Σ w_K³), a nested-dissection LU on the (N, m) grid O(n^{3/2})), since it is also
 *       subtraction-free;</li>
 *   <li>otherwise sparse LU.</li>
 * </ul>
 * A solver that is not built into this version is skipped, in the order levels, lu, gth.
 */
final class AutoSolver implements StationarySolver {

    /** Largest chain for dense GTH in the automatic choice. */
    static final int GTH_LIMIT = 1500;
    /** Constant of the levels-vs-LU rule. */
    static final double LEVELS_FACTOR = 16.0;

    @Override
    public String name() {
        return "auto";
    }

    /** The solver the rule picks for {@code generator}. */
    StationarySolver choose(Generator generator) {
        StateSpace space = generator.space();
        int n = space.size();
        if (n <= GTH_LIMIT) {
            return StationarySolvers.gth();
        }
        double cubes = 0.0;
        for (int level = 0; level <= space.maxN(); level++) {
            double w = space.levelWidth(level);
            cubes += w * w * w;
        }
        boolean levelsCheap = cubes <= LEVELS_FACTOR * Math.pow(n, 1.5);
        boolean hasLevels = StationarySolvers.names().contains("levels");
        boolean hasLu = StationarySolvers.names().contains("lu");
        if (hasLevels && (levelsCheap || !hasLu)) {
            return StationarySolvers.byName("levels");
        }
        if (hasLu) {
            return StationarySolvers.byName("lu");
        }
        return StationarySolvers.gth();
    }

    @Override
    public StationaryResult solve(Generator generator) {
        StationaryResult r = choose(generator).solve(generator);
        return r.withSolver(name() + "→" + r.solver());
    }

    @Override
    public StationaryFactorization factorize(Generator generator) {
        StationaryFactorization f = choose(generator).factorize(generator);
        StationaryResult renamed = f.stationary().withSolver(name() + "→" + f.solver());
        return new StationaryFactorization() {
            @Override
            public StationaryResult stationary() {
                return renamed;
            }

            @Override
            public void solveGroupInverse(double[] b, double[] x) {
                f.solveGroupInverse(b, x);
            }

            @Override
            public String solver() {
                return renamed.solver();
            }
        };
    }
}
