package org.qpspin.stationary;

import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.InsufficientHeapException;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.rates.RateModel;
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
 *   <li>n ≥ {@value #MULTIGRID_MIN_STATES} and the exact solver so chosen cannot fit (its estimate from the level
 *       widths, {@link MemoryEstimates}, above the heap available; or its own check refuses after assembly): the
 *       iterative multigrid solver, reported as {@code auto→multigrid[…] (direct: …)} with the reason. Before
 *       assembly ({@link #requireFits}) the chain is refused in one line when neither fits.</li>
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

    /** Smallest chain routed to the multigrid solver when the exact one does not fit. */
    static final int MULTIGRID_MIN_STATES = CORE_MIN_STATES;

    /** The solver the rule picks for {@code generator} (assembled: nothing more to reserve for it). */
    BuiltInSolver choose(Generator generator) {
        return choose(generator.rateModel(), generator.space(), 0L);
    }

    /**
     * The solver the rule picks for a chain of {@code rates} on {@code space}, with {@code reserved} bytes still to be
     * allocated before the solver starts (the generator, when it is not assembled yet).
     */
    BuiltInSolver choose(RateModel rates, StateSpace space, long reserved) {
        if (space.size() >= CORE_MIN_STATES) {
            StateSpace core = ProbableCore.of(rates, space);
            if (core.size() <= CORE_MAX_FRACTION * space.size()) {
                return new CoreSolver(progress);
            }
        }
        BuiltInSolver exact = exactFor(space, progress);
        if (space.size() >= MULTIGRID_MIN_STATES) {
            long direct = exact.bytesFor(rates, space);
            long available = HeapBudget.availableBytes(direct + reserved);
            if (direct + reserved > available) {
                return new MultigridSolver(progress, String.format(Locale.ROOT, "direct: %s needs ≥ %d MiB, "
                                + "%d MiB of heap available", exact.name(), HeapBudget.mebibytesUp(direct),
                        Math.max(0, available - reserved) >> 20));
            }
        }
        return exact;
    }

    /**
     * Refuses before assembly when the solver the rule would pick cannot fit (see {@link BuiltInSolver#requireFits}):
     * the exact solver when its estimate fits, else the multigrid solver's own estimate.
     */
    @Override
    public void requireFits(RateModel rates, StateSpace space) {
        BuiltInSolver route = choose(rates, space, MemoryEstimates.generatorBytes(space.size()));
        try { // the route's own check, with the generator in the form the route has it assembled in
            route.requireFits(rates, space);
        } catch (InsufficientHeapException e) {
            if (route instanceof MultigridSolver m && m.reason() != null) { // neither fits: say both
                throw new InsufficientHeapException("no solver fits (" + m.reason() + "): " + e.getMessage(),
                        e.neededBytes(), e.availableBytes());
            }
            throw e;
        }
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

    /** Where the rule routes to the multigrid solver (the space alone decides it, before assembly). */
    @Override
    public boolean readsRows(RateModel rates, StateSpace space) {
        return choose(rates, space, MemoryEstimates.generatorBytes(space.size())) instanceof MultigridSolver;
    }

    @Override
    public StationaryResult solve(Generator generator) {
        return solve(generator, null);
    }

    /** The chosen solver's solve; the multigrid solver (chosen, or the fallback of a refusal) from {@code previous}. */
    @Override
    public StationaryResult solve(Generator generator, StationaryResult previous) {
        BuiltInSolver chosen = choose(generator);
        if (chosen instanceof MultigridSolver) {
            return factorize(generator, previous).stationary();
        }
        StationaryResult r;
        try {
            r = chosen.solve(generator);
        } catch (InsufficientHeapException e) {
            if (generator.size() < MULTIGRID_MIN_STATES) {
                throw e;
            }
            KeptFactorization f = multigridAfter(e).factorize(generator, previous);
            return f.stationary().withSolver(name() + "→" + f.solver());
        }
        return r.withSolver(name() + "→" + r.solver());
    }

    @Override
    public KeptFactorization factorize(Generator generator) {
        return factorize(generator, null);
    }

    /**
     * The chosen solver's factorization; when it is a direct one and its own check refuses the heap after assembly
     * (its real plan above the estimate of {@link #choose}), the multigrid solver on the same generator, naming the
     * refusal. {@code previous} warm-starts the multigrid solver.
     */
    @Override
    public KeptFactorization factorize(Generator generator, StationaryResult previous) {
        BuiltInSolver chosen = choose(generator);
        KeptFactorization f;
        try {
            f = chosen instanceof MultigridSolver m ? m.factorize(generator, previous) : chosen.factorize(generator);
        } catch (InsufficientHeapException e) {
            if (chosen instanceof MultigridSolver || generator.size() < MULTIGRID_MIN_STATES) {
                throw e;
            }
            f = multigridAfter(e).factorize(generator, previous);
        }
        return f.reportedAs(name() + "→" + f.solver());
    }

    /** The multigrid solver taking over from a direct one whose own check refused the heap, naming the refusal. */
    private MultigridSolver multigridAfter(InsufficientHeapException refusal) {
        return new MultigridSolver(progress, "direct: " + refusal.getMessage().replaceFirst(";.*", ""));
    }
}
