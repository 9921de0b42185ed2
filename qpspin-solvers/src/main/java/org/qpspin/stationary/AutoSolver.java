package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.lu.SupernodalAnalysis;
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
 *   <li>otherwise the cheaper of the two sparse solvers, in two steps. A shape screen: with
 *       r = Σ_K w_K³ / (n min(w², √n)) (levels ≈ Σ w³ flops, nested dissection ≈ n min(w², √n)), levels when
 *       r &lt; {@value #NARROW_RATIO} (narrow m ranges of polarized clusters), lu when r &gt; {@value #WIDE_RATIO}
 *       (wide triangles). Between the two, the deterministic counts of {@link DirectSolverCosts} (the level
 *       formula and the LU's symbolic analysis in its lattice order, which depends on the stencil as much as on the
 *       shape): levels when levelsFlops ≤ {@value #LU_FLOP_WEIGHT} luFlops + {@value #LU_ENTRY_WEIGHT} luEntries,
 *       the weights being the measured cost of an LU flop and of a stored LU entry in units of a level flop
 *       (docs/benchmarks.md, "auto: levels or lu"); the analysis is handed to the LU
 *       when it wins. Both solvers are subtraction-free; lu also when the level factorization would not fit in half
 *       of the available heap ({@link #levelsFit}).</li>
 * </ul>
 */
final class AutoSolver extends BuiltInSolver {

    /** Largest chain for dense GTH in the automatic choice. */
    static final int GTH_LIMIT = 400;
    /**
     * Below this r = Σ w³ / (n min(w², √n)) the levels are chosen without counting (the narrowest chain the lu was
     * measured faster on had r = 13.6: the 974 787-state SR band, flops 10.7× fewer; rectangles 3000 × 40 (r = 4.8)
     * and 20000 × 8 (r = 1.0) cost the lu more flops than the levels).
     */
    static final double NARROW_RATIO = 8.0;
    /** Above this r the lu is chosen without counting (triangles: r = 150 at Nmax 600, the LU 4.8× fewer flops). */
    static final double WIDE_RATIO = 400.0;
    /**
     * The cost of one LU flop in units of one level-elimination flop. With {@link #LU_ENTRY_WEIGHT} fitted to the
     * same-session times of the SR and TA bands at 10⁶ states (docs/benchmarks.md, "auto: levels or lu"; levels
     * 5.8 and 7.7 s, lu 6.9–8.3 and 13.9 s): the LU's dense kernels run at least as fast per flop as the levels'.
     */
    static final double LU_FLOP_WEIGHT = 0.4;
    /**
     * The cost of one stored LU factor entry in units of one level-elimination flop: allocating, zeroing and
     * copying the panels front by front, assembling and extend-adding them, which dominate the LU's time on bands
     * with small fronts (a profile of the SR band: ≈ 40 % of the samples in the panels' allocation). Checked on
     * the chains it was not fitted to: triangles of Nmax 600 and 1400 (lu 1.1× and 3.4× faster, predicted 1.0×
     * and 3.8×), the weak band and the rectangles 3000 × 40 and 20000 × 8.
     */
    static final double LU_ENTRY_WEIGHT = 1300.0;
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
        return exactFor(generator, progress);
    }

    /** The exact (direct, subtraction-free) solver the rule picks for {@code generator}: gth, levels or lu. */
    static BuiltInSolver exactFor(Generator generator) {
        return exactFor(generator, ProgressListener.NONE);
    }

    /** {@link #exactFor(Generator)} reporting its long phases to {@code progress}. */
    static BuiltInSolver exactFor(Generator generator, ProgressListener progress) {
        StateSpace space = generator.space();
        if (space.size() <= GTH_LIMIT) {
            return new GthSolver();
        }
        if (!levelsFit(space)) {
            return new LuSolver(true, progress);
        }
        double r = shapeRatio(space);
        if (r < NARROW_RATIO) {
            return new LevelSolver(progress);
        }
        if (r > WIDE_RATIO) {
            return new LuSolver(true, progress);
        }
        SupernodalAnalysis analysis = DirectSolverCosts.luAnalysis(generator);
        return prefersLevels(DirectSolverCosts.of(generator, analysis)) ? new LevelSolver(progress)
                : new LuSolver(true, progress, analysis);
    }

    /**
     * Whether the counted costs favour the level solver: levelsFlops ≤ {@value #LU_FLOP_WEIGHT} luFlops +
     * {@value #LU_ENTRY_WEIGHT} luEntries, both sides in units of one level flop (on a tie the levels).
     *
     * @param costs the two solvers' deterministic costs on one chain
     * @return true for levels, false for lu
     */
    static boolean prefersLevels(DirectSolverCosts costs) {
        return costs.levelsFlops() <= LU_FLOP_WEIGHT * costs.luFlops() + LU_ENTRY_WEIGHT * costs.luEntries();
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

    /** r = Σ_K w_K³ / (n min(w², √n)), w the widest level: the shape screen of the rule. */
    static double shapeRatio(StateSpace space) {
        double n = space.size();
        double cubes = 0.0;
        for (int level = 0; level <= space.maxN(); level++) {
            double w = space.levelWidth(level);
            cubes += w * w * w;
        }
        double w = space.maxLevelWidth();
        return cubes / (n * Math.min(w * w, Math.sqrt(n)));
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
