package org.qpspin.truncation;

import org.qpspin.model.ModelParameters;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * The probable core of a truncated space: the states where the cluster's probability sits, level by level a window
 * that follows the two branches of the cluster (unpolarized m ≈ N/2 along the ridge, polarized m around the
 * mean-field m*(N)). The probable-core solver (org.qpspin.stationary.CoreSolver) factorizes it exactly; the automatic truncation
 * ({@link TruncationPlanner#initialMMax}) keeps every level it holds whole. Pattern and parameters only: no solve.
 */
public final class ProbableCore {

    /**
     * Per-level tail of the polarized band: the top of level N is the Poisson(m*(N)) quantile at this tail. Far
     * below the {@value #EDGE_MASS} the core must hold, because the m distribution at fixed N is wider than a
     * Poisson one (it carries the fluctuations of N): on the peer families at 10⁴–10⁶ the 10⁻²⁰ p_max contour
     * lies within this quantile (tested at 10⁴–3 × 10⁴, measured at 10⁶; docs/theory.md); the widening round is
     * there for what it misses.
     */
    public static final double QUANTILE_TAIL = 1e-35;
    /** States added above every level's quantile. */
    public static final int CORE_SLACK = 2;
    /** The core should hold every state above this share of the largest probability. */
    public static final double EDGE_MASS = 1e-20;

    private ProbableCore() {
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
     * the space. Every level keeps at least its lowest m (mHigh ≥ mLow), so the core spans the same levels.
     *
     * @param rates the chain's rates; their parameters give m*(N) and Γ
     * @param space the truncated space the core is cut from (levels 0 … Nmax, windows mLow(N) … mHigh(N))
     * @return the core: a band inside {@code space}, one communicating class, with the same levels
     */
    public static StateSpace of(RateModel rates, StateSpace space) {
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

    /**
     * {@return the top of the polarized band at level n: min(⌊n/2⌋, q + {@value #CORE_SLACK}), q the smallest
     * k ≥ λ with P(Poisson(λ) &gt; k) ≤ {@value #QUANTILE_TAIL}, λ = max(m*(n), 1/2)} Edge case: ⌊n/2⌋ (the whole
     * level) for n &lt; 2 or when λ ≥ ⌊n/2⌋.
     *
     * @param parameters the model parameters; m*(n) is the root of the mean-field m balance at fixed N = n
     *     ({@link TruncationPlanner#quasiStationaryM})
     * @param n the level N (≥ 0)
     */
    public static int polarizedTop(ModelParameters parameters, int n) {
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
     *
     * @param space the enclosing space: no top is raised beyond its window
     * @param low every level's lowest m (not changed), one per level 0 … Nmax
     * @param high every level's highest m, one per level; raised in place, top level first
     * @return the band low(N) … high(N) after the raise
     */
    public static StateSpace closedBand(StateSpace space, int[] low, int[] high) {
        for (int n = high.length - 1; n >= 1; n--) {
            high[n - 1] = Math.max(high[n - 1], Math.min(space.highM(n - 1), high[n] - 1));
        }
        return StateSpace.band(low, high);
    }
}
