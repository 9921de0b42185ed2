package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.ProbableCore;

/**
 * Chooses a stationary solver by the size and shape of the chain and reports it as {@code auto→name}.
 *
 * <p>Rule, with n states, w_K the width of level K and w the largest width:
 * <ul>
 *   <li>n ≥ {@value #CORE_MIN_STATES} and the probable core of the space ({@link ProbableCore#of}) holds at
 *       most {@value #CORE_MAX_FRACTION} of the states: the probable-core solver (exact on the core, by the rule
 *       below, Gauss–Seidel on the rest);</li>
 *   <li>n ≤ {@value #GTH_LIMIT}: dense GTH, the oracle (n³/3 flops: milliseconds at this size);</li>
 *   <li>otherwise the cheaper of the two sparse solvers by a cost model fitted to timings on the 2-core
 *       development machine (docs/benchmarks.md, "auto"): levels ≈ Σ_K w_K³ (dense block elimination per
 *       level), lu ≈ {@value #LU_FACTOR} n min(w², √n) (nested dissection on the (N, m) grid: separators of
 *       min(w, √n) states), in the same units; per-state overheads are alike and cancel. Both are subtraction-free;
 *       levels wins for the narrow m ranges of polarized clusters, lu for wide (unpolarized) triangles; lu also
 *       when the level factorization would not fit in half of the available heap ({@link #levelsFit}).</li>
 * </ul>
 */
final class AutoSolver extends BuiltInSolver {

    /** Largest chain for dense GTH in the automatic choice. */
    static final int GTH_LIMIT = 400;
    /**
     * Cost of the sparse LU per n min(w², √n), in units of one level-solver w³ flop. Measured at 10⁶ states
     * (docs/benchmarks.md, "auto"): levels is faster at Σw³ / (n min(w², √n)) = 11 and 18 (the SR and TA cores,
     * 0.7× the lu time), lu at 54 (the weakly polarized core, 0.75× the levels time); on whole triangles the two
     * are level near 90.
     */
    static final double LU_FACTOR = 50.0;
    /** Smallest chain for which the probable-core solver is considered. */
    static final int CORE_MIN_STATES = 20_000;
    /** The core solver is chosen when its core holds at most this share of the states. */
    static final double CORE_MAX_FRACTION = 0.5;

    AutoSolver() {
    }

    AutoSolver(ProgressListener progress) {
        super(progress);
    }

    @Override
    public AutoSolver withProgress(ProgressListener listener) {
        return new AutoSolver(listener);
    }

    @Override
    public SolverKind kind() {
        return SolverKind.AUTO;
    }

    /** The solver the rule picks for {@code generator}. */
    BuiltInSolver choose(Generator generator) {
        StateSpace space = generator.space();
        if (space.size() >= CORE_MIN_STATES) {
            StateSpace core = ProbableCore.of(generator.rateModel(), space);
            if (core.size() <= CORE_MAX_FRACTION * space.size()) {
                return new CoreSolver(progress);
            }
        }
        return exactFor(space, progress);
    }

    /** The exact (direct, subtraction-free) solver the rule picks for {@code space}: gth, levels or lu. */
    static BuiltInSolver exactFor(StateSpace space) {
        return exactFor(space, ProgressListener.NONE);
    }

    /** {@link #exactFor(StateSpace)} reporting its long phases to {@code progress}. */
    static BuiltInSolver exactFor(StateSpace space, ProgressListener progress) {
        if (space.size() <= GTH_LIMIT) {
            return new GthSolver();
        }
        return prefersLevels(space) && levelsFit(space) ? new LevelSolver(progress) : new LuSolver(true, progress);
    }

    /**
     * Whether a level factorization of {@code space} fits in the heap with room to spare: it keeps ≈ 4 Σ_K w_K²
     * doubles (the censored column and row of every state, docs/theory.md), asked to stay below half of the heap
     * still available. When it does not, lu, whose nested-dissection factors grow like n log n rather than n w,
     * is the better bet (it refuses in one line if it does not fit either).
     */
    static boolean levelsFit(StateSpace space) {
        double squares = 0.0;
        for (int level = 0; level <= space.maxN(); level++) {
            double w = space.levelWidth(level);
            squares += w * w;
        }
        double bytes = 8.0 * 4.0 * squares;
        return bytes < 0.5 * HeapBudget.availableBytes((long) Math.min(2 * bytes, Long.MAX_VALUE));
    }

    /** Whether the cost model favours the level solver on {@code space}. */
    static boolean prefersLevels(StateSpace space) {
        double n = space.size();
        double cubes = 0.0;
        for (int level = 0; level <= space.maxN(); level++) {
            double w = space.levelWidth(level);
            cubes += w * w * w;
        }
        double w = space.maxLevelWidth();
        return cubes <= LU_FACTOR * n * Math.min(w * w, Math.sqrt(n));
    }

    @Override
    public StationaryResult solve(Generator generator) {
        StationaryResult r = choose(generator).solve(generator);
        return r.withSolver(name() + "→" + r.solver());
    }

    @Override
    public KeptFactorization factorize(Generator generator) {
        KeptFactorization f = choose(generator).factorize(generator);
        return f.reportedAs(name() + "→" + f.solver());
    }
}
