package org.qpspin.truncation;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * Per-level windows mLow(N) ≤ m ≤ mHigh(N) that follow the probability from both sides, grown automatically from
 * both sides by the measured omitted flux through each edge (docs/theory.md, "Two-sided windows").
 *
 * <p>Why: at the edge of polarization (N0 ≈ Nc, the paper's flux-noise example) the probability runs along a
 * curved ridge in (N, m): on the unpolarized ridge m ≈ N/2 at small N, down to the polarized m*(N) ≈ AV²/(2ΓN) at
 * large N. A rectangle (or the one-sided band 0 ≤ m ≤ mHigh(N)) keeps every m below the ridge, and the mean field
 * there (unpolarized) keeps the whole triangle: N²/4 states. The probability covers a strip of it.
 *
 * <p>Start (an estimate only; the cost that counts is measured on the solution), with tail = tol /
 * {@value TruncationPlanner#START_MARGIN} and λ_N = max(m*(N), 1/2), m*(N) the root of the mean-field m balance
 * at fixed N ({@link TruncationPlanner#quasiStationaryM}):
 * <ul>
 *   <li>mLow(N): the largest k with P(Poisson(λ_N) &lt; k) ≤ tail, minus {@value #START_SLACK};</li>
 *   <li>mHigh(N): ⌊N/2⌋ up to the reach of the unpolarized ridge at the tail ({@link UnpolarizedRidge#reach}),
 *       above it the smallest k with P(Poisson(λ_N) &gt; k) ≤ tail, plus {@value #START_SLACK};</li>
 *   <li>then both made 1-Lipschitz in N ({@link #smooth}): mLow lowered to its lower envelope
 *       min_k (mLow(k) + |N − k|), mHigh raised to its upper envelope max_k (mHigh(k) − |N − k|), so that injection
 *       (N+1, m or m+1) and annihilation (N−2, m−2 … m) out of every kept state have a kept target and the
 *       truncated chain is one communicating class.</li>
 * </ul>
 *
 * <p>Growth ({@link #grow}): every omitted transition is charged to the edge it crosses: the level edge (target
 * N &gt; Nmax), or the low or high m edge of its target level. The m edges are taken in decreasing charge until the
 * rest is at most tol/4; each taken edge moves out by s = ln(8 K f/tol)/d, with f its charge (relative to A V),
 * K the number of taken edges and d the measured logarithmic decay per step of p(N, m) just inside it, clamped to
 * [max(2, w/8), max(2, w)] for a window of width w (at least a doubling where p does not decay toward the edge).
 * Nmax grows as the rectangle's ({@link TruncationPlanner#grow}); new levels copy the window of the old top
 * level, widened by one per level on both sides. Then smoothed again.
 *
 * <p>Immutable.
 */
public final class TwoSidedWindows {

    /** States added outside each start quantile. */
    public static final int START_SLACK = 2;

    private final int[] low;
    private final int[] high;

    private TwoSidedWindows(int[] low, int[] high) {
        this.low = low;
        this.high = high;
    }

    /**
     * The start windows for levels 0 … nMax (rule in the class comment). Edge cases: levels N &lt; 2, and every
     * level when Γ = 0 (nothing polarizes), keep the whole level 0 ≤ m ≤ ⌊N/2⌋.
     *
     * @param rates the chain's rates; their parameters give m*(N), and the rates the unpolarized ridge's reach
     * @param nMax the largest level N (≥ 0)
     * @param tol the target of the relative omitted flux, in (0, 1); the quantiles aim at tol/{@value
     *     TruncationPlanner#START_MARGIN}
     * @return the smoothed start windows
     * @throws IllegalArgumentException for nMax &lt; 0 or tol outside (0, 1)
     */
    public static TwoSidedWindows start(RateModel rates, int nMax, double tol) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0, got " + nMax);
        }
        if (!(tol > 0.0 && tol < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tol);
        }
        ModelParameters p = rates.parameters();
        double tail = tol / TruncationPlanner.START_MARGIN;
        int ridge = UnpolarizedRidge.reach(rates, nMax, Math.min(tail, ProbableCore.EDGE_MASS));
        int[] lo = new int[nMax + 1];
        int[] hi = new int[nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            int cap = n / 2;
            if (n < 2 || p.singletRate() == 0.0) {
                hi[n] = cap; // nothing polarizes without singlet annihilation: the whole level
                continue;
            }
            double lambda = Math.max(0.5, TruncationPlanner.quasiStationaryM(p, n));
            lo[n] = Math.max(0, lowerPoissonQuantile(lambda, tail) - START_SLACK);
            if (n <= ridge || lambda >= cap) {
                hi[n] = cap;
            } else {
                long q = (long) TruncationPlanner.poissonQuantile(lambda, tail) + START_SLACK;
                hi[n] = (int) Math.min(cap, q);
            }
        }
        return new TwoSidedWindows(lo, hi).smooth();
    }

    /**
     * {@return windows given explicitly, clipped to 0 ≤ m ≤ ⌊N/2⌋ and smoothed} Smoothing may widen them (never
     * narrows a clipped window): mLow to its 1-Lipschitz lower envelope, mHigh to its upper envelope, every window
     * at least min(3, ⌊N/2⌋ + 1) states wide.
     *
     * @param low mLow(N) for N = 0 … Nmax (copied)
     * @param high mHigh(N) for N = 0 … Nmax (copied), as many as {@code low}
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static TwoSidedWindows of(int[] low, int[] high) {
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("windows need equal, non-empty low and high arrays");
        }
        return new TwoSidedWindows(low.clone(), high.clone()).smooth();
    }

    /**
     * The largest k ≤ λ with P(Poisson(λ) &lt; k) ≤ tail, i.e. Q(k, λ) ≤ tail with Q the regularized upper
     * incomplete gamma function (P(X ≤ k−1) = Q(k, λ)); 0 when even k = 1 fails. Bisection (Q increases in k).
     * Edge case: 0 for λ &lt; 1.
     *
     * @param lambda the Poisson mean λ (≥ 0, finite)
     * @param tail the accepted lower tail probability, in (0, 1)
     * @return k, in [0, ⌊λ⌋]
     */
    public static int lowerPoissonQuantile(double lambda, double tail) {
        int lo = 0; // P(X < 0) = 0 ≤ tail
        int hi = (int) Math.floor(lambda);
        if (hi <= 0 || Gamma.regularizedGammaQ(hi, lambda) <= tail) {
            return Math.max(0, hi);
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (Gamma.regularizedGammaQ(mid, lambda) <= tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Clipped to 0 ≤ m ≤ ⌊N/2⌋, mLow lowered to its 1-Lipschitz lower envelope and mHigh raised to its 1-Lipschitz
     * upper envelope (two sweeps each), every window at least min(3, ⌊N/2⌋ + 1) wide.
     */
    private TwoSidedWindows smooth() {
        int nMax = low.length - 1;
        int[] lo = new int[nMax + 1];
        int[] hi = new int[nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            hi[n] = Math.max(0, Math.min(n / 2, high[n]));
            lo[n] = Math.max(0, Math.min(hi[n], low[n]));
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int n = 1; n <= nMax; n++) {
                lo[n] = Math.min(lo[n], lo[n - 1] + 1);
                hi[n] = Math.max(hi[n], Math.min(n / 2, hi[n - 1] - 1));
            }
            for (int n = nMax - 1; n >= 0; n--) {
                lo[n] = Math.min(lo[n], lo[n + 1] + 1);
                hi[n] = Math.min(n / 2, Math.max(hi[n], hi[n + 1] - 1));
            }
            for (int n = 0; n <= nMax; n++) {
                int cap = n / 2;
                int need = Math.min(3, cap + 1);
                if (hi[n] - lo[n] + 1 < need) {
                    hi[n] = Math.min(cap, lo[n] + need - 1);
                    lo[n] = Math.max(0, hi[n] - need + 1);
                }
            }
        }
        return new TwoSidedWindows(lo, hi);
    }

    /** {@return Nmax, the top level of the windows} */
    public int maxN() {
        return low.length - 1;
    }

    /**
     * {@return mLow(N), the lowest m kept at level N}
     *
     * @param n the level N, in [0, {@link #maxN()}]
     * @throws ArrayIndexOutOfBoundsException for n outside [0, {@link #maxN()}]
     */
    public int lowM(int n) {
        return low[n];
    }

    /**
     * {@return mHigh(N), the highest m kept at level N (≤ ⌊N/2⌋)}
     *
     * @param n the level N, in [0, {@link #maxN()}]
     * @throws ArrayIndexOutOfBoundsException for n outside [0, {@link #maxN()}]
     */
    public int highM(int n) {
        return high[n];
    }

    /** {@return the number of states Σ_N (mHigh(N) − mLow(N) + 1)} */
    public long states() {
        long s = 0;
        for (int n = 0; n < low.length; n++) {
            s += high[n] - low[n] + 1L;
        }
        return s;
    }

    /**
     * {@return the number of states the windows would hold extended to {@code nMax} ({@link #extendTo}), without
     * building them} The count is that of the extension before smoothing, which can only widen it: a lower bound
     * good for a fail-fast check against the state cap. For nMax ≤ {@link #maxN()} it is {@link #states()}.
     *
     * @param nMax the level the windows would reach (a long, so that a planned growth past int range is counted)
     */
    public long statesAt(long nMax) {
        long s = states();
        int top = maxN();
        for (long n = top + 1L; n <= nMax; n++) {
            long d = n - top;
            long lo = Math.max(0, low[top] - d);
            long hi = Math.min(n / 2, high[top] + d);
            s += hi - lo + 1;
        }
        return s;
    }

    /** {@return the state space of these windows: levels 0 … Nmax, mLow(N) ≤ m ≤ mHigh(N)} */
    public StateSpace space() {
        return StateSpace.band(low, high);
    }

    /**
     * Copies the window of the top level to the new levels up to {@code nMax}, one wider per level on each side
     * (capped at 0 ≤ m ≤ ⌊N/2⌋), then smooths.
     *
     * @param nMax the new top level
     * @return the extended windows; this object itself when nMax ≤ {@link #maxN()}
     */
    public TwoSidedWindows extendTo(int nMax) {
        int top = maxN();
        if (nMax <= top) {
            return this;
        }
        int[] lo = Arrays.copyOf(low, nMax + 1);
        int[] hi = Arrays.copyOf(high, nMax + 1);
        for (int n = top + 1; n <= nMax; n++) {
            lo[n] = Math.max(0, low[top] - (n - top));
            hi[n] = (int) Math.min(n / 2, (long) high[top] + (n - top));
        }
        return new TwoSidedWindows(lo, hi).smooth();
    }

    /**
     * The omitted flux of a solution charged to the edges it crosses, relative to A V: the transitions of every state
     * with an omitted rate ({@link Generator#omittedRate}) enumerated again and each omitted one charged to the level
     * edge (target N &gt; Nmax) or to the low or high m edge of its target level.
     *
     * @param generator the generator solved (its space and rate model)
     * @param p         its stationary probabilities
     * @return the charges of the level edge and of each level's low and high m edge (dimensionless, relative to A V)
     */
    public static EdgeFlux edgeFlux(Generator generator, double[] p) {
        StateSpace space = generator.space();
        RateModel rates = generator.rateModel();
        int nMax = space.maxN();
        double av = rates.parameters().totalInjectionRate();
        double[] lowFlux = new double[nMax + 1];
        double[] highFlux = new double[nMax + 1];
        double[] level = new double[1];
        for (int i = 0; i < p.length; i++) {
            double pi = p[i];
            if (!(pi > 0.0) || generator.omittedRate(i) == 0.0) {
                continue;
            }
            rates.forEachTransition(space.levelOf(i), space.mOf(i), (channel, toN, toM, rate) -> {
                if (toN > nMax) {
                    level[0] += pi * rate / av;
                } else if (toM < space.lowM(toN)) {
                    lowFlux[toN] += pi * rate / av;
                } else if (toM > space.highM(toN)) {
                    highFlux[toN] += pi * rate / av;
                }
            });
        }
        return new EdgeFlux(level[0], lowFlux, highFlux);
    }

    /**
     * The omitted flux of a solution, charged to edges (relative to A V).
     *
     * @param level     through the level edge N = Nmax
     * @param lowFlux   through the low m edge of each level (indexed by the target level)
     * @param highFlux  through the high m edge of each level
     */
    public record EdgeFlux(double level, double[] lowFlux, double[] highFlux) {

        /** {@return the charge through all m edges, Σ_N (lowFlux[N] + highFlux[N]), relative to A V} */
        public double mEdges() {
            double s = 0.0;
            for (int n = 0; n < lowFlux.length; n++) {
                s += lowFlux[n] + highFlux[n];
            }
            return s;
        }
    }

    /**
     * The m edges widened where the solution's omitted flux leaves (rule in the class comment); Nmax is not
     * changed here ({@link #extendTo} does that).
     *
     * @param space the windows' state space (as solved; must be these windows)
     * @param p     its stationary probabilities
     * @param flux  {@link #edgeFlux} of that solution
     * @param tol   the tolerance on the relative omitted flux
     * @return the widened, smoothed windows (same Nmax); equal to these when no m edge carries flux
     */
    public TwoSidedWindows grow(StateSpace space, double[] p, EdgeFlux flux, double tol) {
        int nMax = maxN();
        int edges = 2 * (nMax + 1);
        Integer[] order = new Integer[edges];
        for (int k = 0; k < edges; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(charge(flux, b), charge(flux, a)));
        double rest = flux.mEdges();
        int taken = 0;
        while (taken < edges && rest > tol / 4 && charge(flux, order[taken]) > 0.0) {
            rest -= charge(flux, order[taken]);
            taken++;
        }
        int[] lo = low.clone();
        int[] hi = high.clone();
        for (int k = 0; k < taken; k++) {
            int e = order[k];
            int n = e >> 1;
            boolean lowEdge = (e & 1) == 0;
            int w = high[n] - low[n] + 1;
            double decay = edgeDecay(space, p, n, lowEdge);
            long minStep = Math.max(2, w / 8);
            long maxStep = Math.max(2, w);
            long step;
            if (decay > 0.0 && Double.isFinite(decay)) {
                double need = Math.log(8.0 * taken * charge(flux, e) / tol) / decay;
                step = (long) Math.ceil(Math.min(Math.max(need, minStep), maxStep));
            } else {
                step = maxStep;
            }
            if (lowEdge) {
                lo[n] = (int) Math.max(0, low[n] - step);
            } else {
                hi[n] = (int) Math.min(n / 2, high[n] + step);
            }
        }
        return new TwoSidedWindows(lo, hi).smooth();
    }

    private static double charge(EdgeFlux flux, int edge) {
        int n = edge >> 1;
        return (edge & 1) == 0 ? flux.lowFlux()[n] : flux.highFlux()[n];
    }

    /**
     * ln(p(N, e ∓ k) / p(N, e)) / k at the edge e of level N (k inward, k = max(1, w/16) capped at 4): the
     * logarithmic decay of p toward the edge; NaN where it cannot be measured.
     */
    private static double edgeDecay(StateSpace space, double[] p, int n, boolean lowEdge) {
        int w = space.levelWidth(n);
        int k = Math.min(4, Math.max(1, w / 16));
        if (w <= k) {
            return Double.NaN;
        }
        int edge = lowEdge ? space.lowM(n) : space.highM(n);
        int inner = lowEdge ? edge + k : edge - k;
        double outer = p[space.index(n, edge)];
        double in = p[space.index(n, inner)];
        if (!(outer > 0.0 && in > 0.0)) {
            return Double.NaN;
        }
        return Math.log(in / outer) / k;
    }

    @Override
    public String toString() {
        return "TwoSidedWindows{nMax=" + maxN() + ", states=" + states() + "}";
    }
}
