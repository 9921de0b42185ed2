package org.qpspin.truncation;

import org.qpspin.generator.Generator;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;

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
 * ({@link StationaryResult#relativeOmittedFlux()}). It is short near the polarization threshold
 * (m*(N) ≈ N/2, N ≈ (2ζs)^½ N0), where clusters that were unpolarized at smaller N carry m ≈ N/2 upwards, so
 * {@link #refine} widens the levels where the measured omitted flux sits until it meets the tolerance.
 */
public final class BandTruncation {

    private BandTruncation() {
    }

    /**
     * The band for levels 0 … nMax. Edge cases: without singlet recombination (Γ = 0) and on levels N &lt; 2 every
     * valid m is kept (mHigh = ⌊N/2⌋); so is every level whose λ_N reaches ⌊N/2⌋; elsewhere mHigh is at least
     * {@link TruncationPlanner#MIN_M_MAX} (capped at ⌊N/2⌋).
     *
     * @param p     model parameters
     * @param nMax  largest level
     * @param tol   target of the relative omitted flux (e.g. 1e-10)
     * @param slack extra m added to every level's quantile (≥ 0)
     * @return the band 0 ≤ m ≤ mHigh(N), 0 ≤ N ≤ nMax, as a level-structured state space
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

    /**
     * Starts from {@link #around}{@code (p, nMax, tol, 0)}, solves, and widens the m window of every level whose
     * states lose more than their share of the omitted flux, until the relative omitted flux of the states below
     * Nmax is at most {@code tol} (the Nmax edge is the caller's choice and is not grown here).
     *
     * <p>Rule per round: with f_N = Σ_{states of level N} p × omitted rate / (A V), the levels are taken in
     * decreasing f_N until the rest sums to ≤ tol/4; each taken level and the two above it (where the omitted
     * transitions land and where the cluster carries its m next) get mHigh += max(2, width/4), capped at ⌊N/2⌋.
     * Stops after {@code maxRounds} rounds.
     *
     * @param p the model parameters (PRL 2020 rates)
     * @param nMax the largest level N, kept fixed (≥ 0)
     * @param tol the target of the relative omitted flux through the m edges, in (0, 1) (e.g. 1e-10)
     * @param solver solves each band (every round factorizes the new band anew)
     * @param maxRounds the most widening rounds (≥ 0; 0: solve the mean-field band only)
     * @return the last band, its generator and its solution (whose cost may still exceed tol after maxRounds)
     * @throws IllegalArgumentException for nMax &lt; 0 or tol outside (0, 1)
     */
    public static Refined refine(ModelParameters p, int nMax, double tol, StationarySolver solver, int maxRounds) {
        return refine(org.qpspin.rates.Prl2020RateModel.of(p), nMax, tol, solver, maxRounds);
    }

    /**
     * As {@link #refine(ModelParameters, int, double, StationarySolver, int)} for any rate model: the starting band
     * follows the PRL 2020 mean field of {@code rates}' parameters (a starting guess only), and the widening is
     * driven by the omitted flux of {@code rates} itself.
     *
     * @param rates the chain's rates (PRL 2020 or exact-spin)
     * @param nMax the largest level N, kept fixed (≥ 0)
     * @param tol the target of the relative omitted flux through the m edges, in (0, 1)
     * @param solver solves each band
     * @param maxRounds the most widening rounds (≥ 0)
     * @return the last band, its generator and its solution (whose cost may still exceed tol after maxRounds)
     * @throws IllegalArgumentException for nMax &lt; 0 or tol outside (0, 1)
     */
    public static Refined refine(RateModel rates, int nMax, double tol, StationarySolver solver, int maxRounds) {
        ModelParameters p = rates.parameters();
        StateSpace space = around(p, nMax, tol, 0);
        double av = p.totalInjectionRate();
        int rounds = 0;
        while (true) {
            Generator generator = Generator.assemble(rates, space);
            StationaryFactorization factorization = solver.factorize(generator);
            double[] prob = factorization.stationary().probabilitiesView();
            double[] levelFlux = new double[nMax + 1];
            double inner = 0.0;
            for (int i = 0; i < prob.length; i++) {
                int n = space.levelOf(i);
                if (n < nMax) {
                    double f = prob[i] * generator.omittedRate(i) / av;
                    levelFlux[n] += f;
                    inner += f;
                }
            }
            if (inner <= tol || rounds >= maxRounds || av == 0.0) {
                return new Refined(generator, factorization, rounds, inner);
            }
            Integer[] order = new Integer[nMax + 1];
            for (int n = 0; n <= nMax; n++) {
                order[n] = n;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(levelFlux[b], levelFlux[a]));
            int[] low = new int[nMax + 1];
            int[] high = new int[nMax + 1];
            for (int n = 0; n <= nMax; n++) {
                low[n] = space.lowM(n);
                high[n] = space.highM(n);
            }
            double rest = inner;
            for (int k = 0; k <= nMax && rest > tol / 4; k++) {
                int n = order[k];
                rest -= levelFlux[n];
                for (int up = n; up <= Math.min(nMax, n + 2); up++) {
                    int grow = Math.max(2, space.levelWidth(up) / 4);
                    high[up] = Math.min(up / 2, Math.max(high[up], space.highM(up) + grow));
                }
            }
            space = StateSpace.band(low, high);
            rounds++;
        }
    }

    /**
     * The outcome of {@link #refine}.
     *
     * @param generator     the generator on the final band
     * @param factorization the factorization (and stationary result) on the final band
     * @param rounds        widening rounds done (0: the mean-field band was enough)
     * @param innerCost     relative omitted flux of the states below Nmax (the m edges) on the final band
     */
    public record Refined(Generator generator, StationaryFactorization factorization, int rounds, double innerCost) {
    }
}
