package org.qpspin.stationary;

import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.InsufficientHeapException;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.lu.SupernodalAnalysis;
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
 *   <li>{@value #MULTIGRID_MIN_STATES} ≤ n ≤ {@value #MULTIGRID_AUTO_MAX_STATES} and the exact solver so chosen cannot fit (its estimate from the level
 *       widths, {@link MemoryEstimates}, above the heap available; or its own check refuses after assembly): the
 *       iterative multigrid solver, reported as {@code auto→multigrid[…] (direct: …)} with the reason. Before
 *       assembly ({@link #requireFits}) the chain is refused in one line when neither fits; there, where the
 *       counts of the middle band need the assembled pattern, the exact solver is the one of the two whose
 *       memory estimate is smaller ({@link #exactFor(RateModel, StateSpace, ProgressListener)}).</li>
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
     * The cost of one LU flop in units of one level-elimination flop. With {@link #LU_ENTRY_WEIGHT} refitted on a
     * quiet machine (2026-12-07 20:19–20:32 UTC, load 0.3–1.6; docs/benchmarks.md, "auto: levels or lu") to the
     * three 10⁶-state band matrices after the lattice ordering and the LU's factor blocks: lu 2.21 / 9.64 / 5.67 s
     * (SR / TA / weak) against levels 4.74 / 18.49 s; a least-squares fit of the LU's time to its flops and entries
     * gives 0.6–1.3 and 220–460 level flops (the range from the levels' own rate on SR and TA), of which these are
     * round values in between. The earlier weights (0.4 and 1300, fitted to loaded timings before the factor
     * blocks) chose levels on SR and TA, 2.1× and 1.9× slower there.
     */
    static final double LU_FLOP_WEIGHT = 1.0;
    /**
     * The cost of one stored LU factor entry in units of one level-elimination flop: allocating, zeroing and
     * copying the panels front by front, assembling and extend-adding them, which dominate the LU's time on bands
     * with small fronts (a profile of the SR band: ≈ 40 % of the samples in the panels' allocation). Checked on
     * the chains it was not fitted to: triangles of Nmax 600 and 1400 (lu 1.1× and 3.4× faster, predicted 1.0×
     * and 3.8×), the weak band and the rectangles 3000 × 40 and 20000 × 8.
     */
    static final double LU_ENTRY_WEIGHT = 300.0;
    /** Smallest chain for which the probable-core solver is considered. */
    static final int CORE_MIN_STATES = 20_000;
    /** The core solver is chosen when its core holds at most this share of the states. */
    static final double CORE_MAX_FRACTION = 0.5;

    /** Whether the multigrid solver it routes to screens ({@link #screening()}); the direct ones are exact. */
    private final boolean screening;

    AutoSolver() {
        this(ProgressListener.NONE, false);
    }

    AutoSolver(ProgressListener progress) {
        this(progress, false);
    }

    private AutoSolver(ProgressListener progress, boolean screening) {
        super(progress);
        this.screening = screening;
    }

    @Override
    public AutoSolver withProgress(ProgressListener listener) {
        return new AutoSolver(listener, screening);
    }

    /**
     * {@return the same routing, with the multigrid solver (where it routes there) stopping at the screening rule
     * ({@link MultigridSolver#screening()}); the direct solvers are exact either way}
     */
    @Override
    public AutoSolver screening() {
        return new AutoSolver(progress, true);
    }

    /** The multigrid solver as routed, screening when this is {@link #screening()}. */
    private MultigridSolver multigrid(String reason) {
        MultigridSolver m = new MultigridSolver(progress, reason);
        return screening ? m.screening() : m;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.AUTO;
    }

    /** Smallest chain routed to the multigrid solver when the exact one does not fit. */
    static final int MULTIGRID_MIN_STATES = CORE_MIN_STATES;
    /**
     * Largest chain routed to the multigrid solver automatically: the largest measured through the whole
     * flux-noise pipeline is 4 805 186 states (13 min on 2 cores, docs/validation.md), and the iteration count
     * grew there to near GMRES's cap; beyond this the direct solver's refusal stands, naming {@code --solver
     * multigrid}, so that a default run (the paper's example of {@code flux-noise}) answers in seconds instead of
     * starting hours of iteration nobody asked for.
     */
    static final int MULTIGRID_AUTO_MAX_STATES = 5_000_000;

    /** Whether a chain of {@code states} may be routed to the multigrid solver automatically. */
    static boolean multigridRoutes(long states) {
        return states >= MULTIGRID_MIN_STATES && states <= MULTIGRID_AUTO_MAX_STATES;
    }

    /** The solver the rule picks for {@code generator} (assembled: nothing more to reserve for it). */
    BuiltInSolver choose(Generator generator) {
        return choose(generator.rateModel(), generator.space(), 0L, generator);
    }

    /**
     * The solver the rule picks for a chain of {@code rates} on {@code space} before assembly, with {@code reserved}
     * bytes still to be allocated before the solver starts (the generator).
     */
    BuiltInSolver choose(RateModel rates, StateSpace space, long reserved) {
        return choose(rates, space, reserved, null);
    }

    private BuiltInSolver choose(RateModel rates, StateSpace space, long reserved, Generator generator) {
        if (space.size() >= CORE_MIN_STATES) {
            StateSpace core = ProbableCore.of(rates, space);
            if (core.size() <= CORE_MAX_FRACTION * space.size()) {
                return new CoreSolver(progress);
            }
        }
        BuiltInSolver exact = generator != null ? exactFor(generator, progress) : exactFor(rates, space, progress);
        if (multigridRoutes(space.size())) {
            long direct = exact.bytesFor(rates, space);
            long available = HeapBudget.availableBytes(direct + reserved);
            if (direct + reserved > available) {
                return multigrid(String.format(Locale.ROOT, "direct: %s needs ≥ %d MiB, "
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
            throw route instanceof MultigridSolver ? e : beyondRouting(e, space.size());
        }
    }

    /** Where the rule routes to the multigrid solver (the space alone decides it, before assembly). */
    @Override
    public boolean readsRows(RateModel rates, StateSpace space) {
        return choose(rates, space, MemoryEstimates.generatorBytes(space.size())) instanceof MultigridSolver;
    }

    /**
     * The exact solver before assembly, for the memory screen: the rule's own choice where the shape screen
     * decides (gth, levels below {@value #NARROW_RATIO}, lu above {@value #WIDE_RATIO} or when the levels do not
     * fit); in the middle band, where the rule counts flops on the assembled pattern, the one of levels and lu
     * whose memory estimate ({@link BuiltInSolver#bytesFor}) is smaller, so that the chain is routed to the
     * multigrid solver only when neither fits.
     *
     * @param rates    the rate model
     * @param space    the truncated state space
     * @param progress where the solver reports its long phases
     * @return gth, levels or lu
     */
    static BuiltInSolver exactFor(RateModel rates, StateSpace space, ProgressListener progress) {
        BuiltInSolver screened = screened(space, progress);
        if (screened != null) {
            return screened;
        }
        LuSolver lu = new LuSolver(true, progress);
        LevelSolver levels = new LevelSolver(progress);
        return levels.bytesFor(rates, space) <= lu.bytesFor(rates, space) ? levels : lu;
    }

    /**
     * The part of the rule the space alone decides: gth up to {@value #GTH_LIMIT} states, lu when the levels do not
     * fit ({@link #levelsFit}), levels below r = {@value #NARROW_RATIO}, lu above r = {@value #WIDE_RATIO}
     * ({@link #shapeRatio}); null in between, where the two exactFor variants decide their own way.
     */
    private static BuiltInSolver screened(StateSpace space, ProgressListener progress) {
        BuiltInSolver byShape = byShape(space, progress);
        if (byShape != null) {
            return byShape;
        }
        if (!levelsFit(space)) {
            return new LuSolver(true, progress);
        }
        return shapeRatio(space) < NARROW_RATIO ? new LevelSolver(progress) : null;
    }

    /**
     * The part of the rule that needs neither the heap nor the counts: gth up to {@value #GTH_LIMIT} states, lu
     * above r = {@value #WIDE_RATIO} ({@link #shapeRatio}); null otherwise.
     */
    private static BuiltInSolver byShape(StateSpace space, ProgressListener progress) {
        if (space.size() <= GTH_LIMIT) {
            return new GthSolver();
        }
        return shapeRatio(space) > WIDE_RATIO ? new LuSolver(true, progress) : null;
    }

    /** The exact (direct, subtraction-free) solver the rule picks for {@code generator}: gth, levels or lu. */
    static BuiltInSolver exactFor(Generator generator) {
        return exactFor(generator, ProgressListener.NONE);
    }

    /**
     * {@link #exactFor(Generator)} reporting its long phases to {@code progress}. The same rule as
     * {@link #screened} followed by the counts, with the heap check ({@link #levelsFit}) asked only where the
     * answer would otherwise be levels: a chain whose shape or counts choose lu never triggers its
     * {@link System#gc()} (a full collection of the garbage of earlier solves when the heap looks short: 78 ms
     * with 2.1 GB in use on the 10⁶-state SR band, docs/benchmarks.md, "Per-phase times of auto and lu"). The
     * answer is the same as {@link #screened} followed by the counts; the analysis is handed to the LU.
     */
    static BuiltInSolver exactFor(Generator generator, ProgressListener progress) {
        StateSpace space = generator.space();
        BuiltInSolver byShape = byShape(space, progress);
        if (byShape != null) {
            return byShape;
        }
        SupernodalAnalysis analysis = null;
        if (shapeRatio(space) >= NARROW_RATIO) {
            analysis = DirectSolverCosts.luAnalysis(generator);
            if (!prefersLevels(DirectSolverCosts.of(generator, analysis))) {
                return new LuSolver(true, progress, analysis);
            }
        }
        return levelsFit(space) ? new LevelSolver(progress) : new LuSolver(true, progress, analysis);
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
            if (!multigridRoutes(generator.size())) {
                throw beyondRouting(e, generator.size());
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
            if (chosen instanceof MultigridSolver || !multigridRoutes(generator.size())) {
                throw chosen instanceof MultigridSolver ? e : beyondRouting(e, generator.size());
            }
            f = multigridAfter(e).factorize(generator, previous);
        }
        return f.reportedAs(name() + "→" + f.solver());
    }

    /**
     * A direct solver's refusal on a chain above {@value #MULTIGRID_AUTO_MAX_STATES} states, which auto does not route
     * to the multigrid solver: the refusal, plus where the iterative way is (asked for by name).
     */
    private static InsufficientHeapException beyondRouting(InsufficientHeapException e, long states) {
        if (states <= MULTIGRID_AUTO_MAX_STATES) {
            return e;
        }
        return new InsufficientHeapException(e.getMessage() + "; auto routes chains above " + MULTIGRID_AUTO_MAX_STATES
                + " states to the iterative multigrid solver only when asked (--solver multigrid: hours of iteration"
                + " at this size, docs/validation.md)", e.neededBytes(), e.availableBytes());
    }

    /** The multigrid solver taking over from a direct one whose own check refused the heap, naming the refusal. */
    private MultigridSolver multigridAfter(InsufficientHeapException refusal) {
        return multigrid("direct: " + refusal.getMessage().replaceFirst(";.*", ""));
    }
}
