package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.amg.AggregationMultigrid;

/**
 * The multigrid solver: aggregation multigrid for Markov chains (De Sterck, Manteuffel, McCormick, Nguyen, Ruge,
 * SIAM J. Sci. Comput. 30 (2008); De Sterck, Manteuffel, McCormick, Miller, Pearson, Ruge, Sanders, SIAM J. Sci.
 * Comput. 32 (2010)) with aggregates along constant total spin ({@link SpinAggregates}), line Gauss–Seidel in m
 * as smoother, and GMRES preconditioned by the cycle as outer iteration ({@link MultigridFactorization}).
 *
 * <p>Cost per iteration linear in the states (a cycle is a few passes over the matrix); the number of iterations
 * is measured, not guaranteed (docs/benchmarks.md, "Multigrid scaling"). Iterative: the answer is accurate to its
 * reported residual and error estimates, normwise to rounding when converged, entrywise to its reported estimate
 * (at most 1e-10 relative when converged) for entries above 1e-10 p_max (smaller ones converge more slowly: 1e-8
 * to 1e-5 measured at 1e-100 p_max) — not the exact solvers' relative accuracy of every entry down to 1e-300.
 */
final class MultigridSolver extends BuiltInSolver {

    /** ν₁ = ν₂ = 1, V-cycle. */
    static final AggregationMultigrid.Cycle CYCLE = new AggregationMultigrid.Cycle(1, 1, 1);

    @Override
    public SolverKind kind() {
        return SolverKind.MULTIGRID;
    }

    @Override
    public MultigridFactorization factorize(Generator generator) {
        return new MultigridFactorization(generator, SpinAggregates.DEFAULT, CYCLE, System.nanoTime());
    }
}
