package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.dense.DenseKernel;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * The probable-core solver: an exact factorization where the probability is, Gauss–Seidel on the rest.
 *
 * <p>What it knows about the chain: the probability sits on two branches. Clusters that stay unpolarized carry
 * m ≈ N/2 up to a few times the unpolarized size c0 V; polarized ones carry m around the mean-field m*(N), a
 * window far narrower than the rectangle or triangle a truncation has to keep for the levels where m*(N) is
 * large. The core ({@link #coreOf}) is the union: whole levels as far as the unpolarized ridge reaches, the
 * Poisson quantile of m*(N) above, joined by a top that falls by at most one per level. The core is factorized
 * by the exact solver {@link AutoSolver#exactFor} picks (levels or lu, GTH pivots), once more if its edge turns
 * out heavy ({@link #widened}); {@link CoreFactorization} handles the rest of the space by Gauss–Seidel sweeps
 * and joins the two by GMRES until the whole system L p = 0 is solved to rounding (‖L p‖₂ ≤ 1e-14 ‖e∘p‖₂), then
 * polishes the tail. The result's residual and truncation cost are those
 * of the whole space, like every solver's.
 *
 * <p>Cost: the core's factorization (on the peer rectangles at 10⁶ states 20–28 % of the states) plus a few
 * passes over the matrix. Accuracy (docs/validation.md): normwise to rounding; entrywise like the exact
 * solvers where p ≫ {@value #EDGE_MASS} p_max; tail entries near that level can be off by O(1).
 */
final class CoreSolver implements StationarySolver {

    /**
     * Per-level tail of the polarized band: the top of level N is the Poisson(m*(N)) quantile at this tail. Far
     * below the {@value #EDGE_MASS} the core must hold, because the m distribution at fixed N is wider than a
     * Poisson one (it carries the fluctuations of N): on the peer families at 10⁴–10⁶ the 10⁻²⁰ p_max contour
     * lies within this quantile (tested at 10⁴–3 × 10⁴, measured at 10⁶; docs/theory.md); the widening round is
     * there for what it misses.
     */
    static final double QUANTILE_TAIL = 1e-35;
    /** States added above every level's quantile. */
    static final int CORE_SLACK = 2;
    /** The core should hold every state above this share of the largest probability. */
    static final double EDGE_MASS = 1e-20;
    /** Widening rounds (each refactorizes the core). */
    static final int MAX_WIDENING_ROUNDS = 1;

    @Override
    public String name() {
        return "core";
    }

    /**
     * The core of {@code space} for {@code parameters}, level by level the space's window cut at a top that
     * follows the two branches of the cluster:
     * <ul>
     *   <li>unpolarized: whole levels up to the reach of the unpolarized ridge at {@value #EDGE_MASS}
     *       ({@link UnpolarizedRidge#reach}), where clusters that never polarized carry m ≈ N/2;</li>
     *   <li>polarized: above it, the Poisson(m*(N)) quantile at {@value #QUANTILE_TAIL} plus {@value #CORE_SLACK},
     *       m*(N) the mean-field m at fixed N ({@link TruncationPlanner#quasiStationaryM});</li>
     *   <li>between the two: the top falls by at most one per level upwards (mHigh(N+1) ≥ mHigh(N) − 1), since
     *       injection keeps or raises m and only annihilation and spin flips lower it.</li>
     * </ul>
     * Then closed downwards ({@link #closedBand}). Without singlet annihilation nothing polarizes and the core is
     * the space.
     */
    static StateSpace coreOf(RateModel rates, StateSpace space) {
        ModelParameters parameters = rates.parameters();
        int maxN = space.maxN();
        int ridge = UnpolarizedRidge.reach(rates, maxN, EDGE_MASS);
        int[] low = new int[maxN + 1];
        int[] high = new int[maxN + 1];
        for (int n = 0; n <= maxN; n++) {
            low[n] = space.lowM(n);
            int top = n <= ridge || parameters.singletRate() == 0.0 ? n / 2 : polarizedTop(parameters, n);
            if (n > 0) {
                top = Math.max(top, high[n - 1] - 1);
            }
            high[n] = Math.max(low[n], Math.min(space.highM(n), top));
        }
        return closedBand(space, low, high);
    }

    /** The top of the polarized band at level n: min(⌊n/2⌋, Poisson quantile of λ = max(m*(n), 1/2) + slack). */
    static int polarizedTop(ModelParameters parameters, int n) {
        double lambda = Math.max(0.5, TruncationPlanner.quasiStationaryM(parameters, n));
        if (n < 2 || lambda >= n / 2) {
            return n / 2;
        }
        return (int) Math.min(n / 2, (long) TruncationPlanner.poissonQuantile(lambda, QUANTILE_TAIL) + CORE_SLACK);
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
        DenseKernel.prepareFor(space.size()); // the core's own set-up and assembly hide the kernel's compilation
        try {
            return factorizeOnCore(generator, coreOf(generator.rateModel(), space), start);
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
