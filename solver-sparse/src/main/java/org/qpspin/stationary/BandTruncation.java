package org.qpspin.stationary;

import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.space.StateSpace;

/**
 * A truncation band that follows the mean-field curve m*(N) level by level, instead of one mMax for every level:
 * 0 ≤ m ≤ mHigh(N) with mHigh(N) = min(⌊N/2⌋, q(N) + slack), q(N) the smallest k ≥ λ_N with
 * P(Poisson(λ_N) &gt; k) ≤ tol/{@value TruncationPlanner#START_MARGIN}, λ_N = max(m*(N), m*(N0), 1/2), and m*(N) the root
 * of the mean-field m balance at fixed N ({@link TruncationPlanner#quasiStationaryM}); the floor m*(N0) keeps
 * the levels above N0 (reached by fluctuations that started near N0, where m is larger) as wide as level N0. This is the rectangle rule of
 * {@link TruncationPlanner#initialMMax} applied per level rather than with the largest m* of all levels.
 *
 * <p>Why: in a polarized cluster m*(N) is largest (up to N/2) for small N and falls off as 1/N above, so a
 * rectangle that holds the small-N levels is far wider than needed at the levels that carry the probability.
 * The band keeps the level structure (contiguous m windows, level by level), so every solver runs on it
 * unchanged; it cuts the number of states several times and Σ w_N³ (the level solver's cost) by much more.
 *
 * <p>The rule is an estimate: the cost that counts is the one measured on the solution
 * ({@link StationaryResult#relativeOmittedFlux()}); widen with a larger {@code slack} when it is too large.
 */
public final class BandTruncation {

    private BandTruncation() {
    }

    /**
     * The band for levels 0 … nMax.
     *
     * @param p     model parameters
     * @param nMax  largest level
     * @param tol   target of the relative omitted flux (e.g. 1e-10)
     * @param slack extra m added to every level's quantile (≥ 0)
     * @throws IllegalArgumentException for nMax &lt; 0, tol outside (0, 1) or negative slack
     */
    public static StateSpace around(ModelParameters p, int nMax, double tol, int slack) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0, got " + nMax);
        }
        if (!(tol > 0.0 && tol < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tol);
        }
        if (slack < 0) {
            throw new IllegalArgumentException("slack must be >= 0, got " + slack);
        }
        int[] low = new int[nMax + 1];
        int[] high = new int[nMax + 1];
        double tail = tol / TruncationPlanner.START_MARGIN;
        int n0 = (int) Math.min(nMax, Math.max(2, Math.round(MeanFieldFixedPoint.clusterSize(p))));
        double floor = p.singletRate() == 0.0 ? 0.5 : Math.max(0.5, TruncationPlanner.quasiStationaryM(p, n0));
        for (int n = 0; n <= nMax; n++) {
            int cap = n / 2;
            if (p.singletRate() == 0.0 || n < 2) {
                high[n] = cap;
                continue;
            }
            double lambda = Math.max(floor, TruncationPlanner.quasiStationaryM(p, n));
            if (lambda >= cap) {
                high[n] = cap;
                continue;
            }
            long q = (long) TruncationPlanner.poissonQuantile(lambda, tail) + slack;
            high[n] = (int) Math.min(cap, Math.max(TruncationPlanner.MIN_M_MAX, q));
        }
        return StateSpace.band(low, high);
    }
}
