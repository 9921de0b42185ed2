package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.space.StateSpace;

/**
 * The probable-core solver: an exact factorization where the probability is, Gauss–Seidel on the rest.
 *
 * <p>What it knows about the chain: in a polarized cluster the probability at level N sits in the m values
 * around the mean-field m*(N), a window far narrower than the rectangle or triangle a truncation has to keep
 * for the levels where m*(N) is large. The core is the mean-field band of {@link BandTruncation#around} at the
 * per-level tail {@value #CORE_TOLERANCE} (Poisson quantile of m*(N), plus {@value #CORE_SLACK} states), cut to the
 * space ({@link #coreOf}). The core is factorized by the exact solver {@link AutoSolver#exactFor} picks (levels or
 * lu, GTH pivots), once more if its edge turns out heavy ({@link #widened}); {@link CoreFactorization} handles the
 * rest of the space by Gauss–Seidel sweeps and joins the two by GMRES until the whole system L p = 0 is solved to
 * rounding (‖L p‖₂ ≤ 1e-14 ‖e∘p‖₂), then polishes the tail. The result's residual and truncation cost are those
 * of the whole space, like every solver's.
 *
 * <p>Cost: the core's factorization (on the peer rectangles ~20 % of the states and 2–3 % of their Σ w³) plus a
 * few passes over the matrix. Accuracy (docs/validation.md): normwise to rounding; entrywise like the exact
 * solvers where p ≫ {@value #EDGE_MASS} p_max; tail entries near that level can be off by O(1).
 */
final class CoreSolver implements StationarySolver {

    /** Per-level tail of the core band: the m quantile of BandTruncation at this tolerance. */
    static final double CORE_TOLERANCE = 1e-12;
    /** States added above every level's quantile. */
    static final int CORE_SLACK = 2;
    /** Levels up to this multiple of the polarization threshold keep their whole window in the core. */
    static final double THRESHOLD_REACH = 1.5;
    /** A level's window is widened while its top state holds more than this share of the largest probability. */
    static final double EDGE_MASS = 1e-20;
    /** Widening rounds (each refactorizes the core). */
    static final int MAX_WIDENING_ROUNDS = 1;

    @Override
    public String name() {
        return "core";
    }

    /**
     * The core of {@code space} for {@code parameters}: level by level the intersection of the space's window with
     * the mean-field band (never empty: at least the lowest m of each level), with the whole window kept up to
     * {@value #THRESHOLD_REACH} × N_thr, N_thr the last level where the band is the whole level (m*(N) ≈ N/2, the
     * polarization threshold): clusters that were unpolarized carry m ≈ N/2 above it, farther than the mean-field
     * band reaches (measured: up to ≈ 1.5 N_thr at 10⁻²⁰ p_max on the SR peer rectangles), and widening there
     * afterwards costs a second factorization of the core.
     */
    static StateSpace coreOf(ModelParameters parameters, StateSpace space) {
        int maxN = space.maxN();
        StateSpace band = BandTruncation.around(parameters, maxN, CORE_TOLERANCE, CORE_SLACK);
        int threshold = 0;
        for (int n = 2; n <= maxN; n++) {
            if (band.highM(n) >= n / 2) {
                threshold = n;
            }
        }
        int[] low = new int[maxN + 1];
        int[] high = new int[maxN + 1];
        for (int n = 0; n <= maxN; n++) {
            low[n] = space.lowM(n);
            int top = n <= THRESHOLD_REACH * threshold ? n / 2 : band.highM(n);
            high[n] = Math.max(low[n], Math.min(space.highM(n), top));
        }
        return closedBand(space, low, high);
    }

    /**
     * The band with every level's top raised, where the space allows, to at least the top of the level above
     * minus one (mHigh(N−1) ≥ mHigh(N) − 1). Why: the core must be one communicating class on its own, also
     * without spin flips (τs = ∞), where a state moves only by injection (N+1, m or m+1) and annihilation
     * (N−2, m−2 … m); with that rule every core state (N, m) is reached from (N−1, m−1) or (N−1, m) and reaches
     * level N−2 (the space's windows, min(⌊N/2⌋, mMax), obey the rule themselves).
     */
    static StateSpace closedBand(StateSpace space, int[] low, int[] high) {
        for (int n = high.length - 1; n >= 1; n--) {
            high[n - 1] = Math.max(high[n - 1], Math.min(space.highM(n - 1), high[n] - 1));
        }
        return StateSpace.band(low, high);
    }

    @Override
    public StationaryResult solve(Generator generator) {
        return factorize(generator).stationary();
    }

    @Override
    public StationaryFactorization factorize(Generator generator) {
        long start = System.nanoTime();
        StateSpace space = generator.space();
        try {
            return factorizeOnCore(generator, coreOf(generator.rateModel().parameters(), space), start);
        } catch (IllegalArgumentException e) {
            // the core's own chain was refused (e.g. not one class): solve the whole space exactly, and say so
            StationaryFactorization exact = AutoSolver.exactFor(space).factorize(generator);
            return new RenamedFactorization(exact, name() + "→" + exact.solver() + " (core refused: "
                    + e.getMessage() + ")");
        }
    }

    private static StationaryFactorization factorizeOnCore(Generator generator, StateSpace firstCore, long start) {
        StateSpace space = generator.space();
        StateSpace core = firstCore;
        // the mean-field band first; at most MAX_WIDENING_ROUNDS refactorizations where its edges are heavy
        for (int round = 0; ; round++) {
            Generator coreGenerator = Generator.assemble(generator.rateModel(), core);
            StationaryFactorization exact = AutoSolver.exactFor(core).factorize(coreGenerator);
            StateSpace wider = round == MAX_WIDENING_ROUNDS ? null : widened(space, core, exact.stationary());
            if (wider == null) {
                return new CoreFactorization(generator, exact, start);
            }
            core = wider;
        }
    }

    /**
     * The core with the window of every level whose top state holds more than {@value #EDGE_MASS} of the core's
     * largest probability p_max widened (with the two levels above, where the cluster carries its m next), or
     * null when no edge is that heavy. The widening extrapolates the decay at the edge with a margin, so that one
     * round is enough: with ρ = p(N, top) / p(N, top − 1) &lt; 1, k = ⌈1.5 ln(EDGE_MASS p_max / p(N, top)) / ln ρ⌉
     * + 4 more states (width/2 + 4 when the edge does not decay), capped at the space. Why: the mean-field band is short near the polarization
     * threshold, where clusters that were unpolarized at smaller N carry m ≈ N/2 upwards.
     */
    static StateSpace widened(StateSpace space, StateSpace core, StationaryResult coreSolution) {
        double[] p = coreSolution.probabilitiesView();
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        int maxN = core.maxN();
        int[] low = new int[maxN + 1];
        int[] high = new int[maxN + 1];
        boolean any = false;
        for (int n = 0; n <= maxN; n++) {
            low[n] = core.lowM(n);
            high[n] = core.highM(n);
        }
        for (int n = 0; n <= maxN; n++) {
            int top = core.highM(n);
            double edge = p[core.index(n, top)];
            if (top >= space.highM(n) || !(edge > EDGE_MASS * max)) {
                continue;
            }
            double ratio = top > core.lowM(n) ? edge / p[core.index(n, top - 1)] : 1.0;
            long grow = ratio < 1.0 && ratio > 0.0
                    ? (long) Math.ceil(1.5 * Math.log(EDGE_MASS * max / edge) / Math.log(ratio)) + 4
                    : core.levelWidth(n) / 2 + 4;
            for (int k = n; k <= Math.min(maxN, n + 2); k++) {
                high[k] = (int) Math.max(high[k], Math.min(space.highM(k), core.highM(k) + grow));
            }
            any = true;
        }
        return any ? closedBand(space, low, high) : null;
    }
}
