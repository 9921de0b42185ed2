package org.qpspin.truncation;

import org.qpspin.rates.RateModel;

/**
 * The unpolarized ridge m = ⌊N/2⌋ as a chain of its own, to bound how far up in N clusters that stay unpolarized
 * carry probability.
 *
 * <p>On the ridge the cluster grows by injection, N → N + 1 at A V, and shrinks by annihilation, N → N − 2 at
 * d(N), the sum of the rate model's transitions from (N, ⌊N/2⌋) to level N − 2 (for docs/model.md's rates
 * Γ (N − m) m / V + Γt [(N − m) m + m²/2] / V: the singlet and two triplet channels, the third, to (N − 2, m),
 * leaving the valid states). Spin flips, which take a cluster off the ridge towards the polarized branch, are left out, so
 * the ridge chain keeps its clusters unpolarized longer than the model does and its tail in N is an upper estimate
 * of the model's along the ridge (measured on the weakly polarized peer family at 10⁶ states: within one decade of
 * the exact p(N, ⌊N/2⌋)/p_max, and above it, from 10⁻¹ down to 10⁻⁴⁹).
 *
 * <p>Formula: for a chain with steps +1 and −2 the stationary flux across the cut between N and N + 1 balances,
 * A V p_u(N) = d(N + 1) p_u(N + 1) + d(N + 2) p_u(N + 2), which is evaluated downwards from p_u(nMax) = 1
 * (every term positive, so the recursion is stable), in logarithms with a running scale against overflow.
 */
public final class UnpolarizedRidge {

    private UnpolarizedRidge() {
    }

    /**
     * The largest level N ≤ nMax, at or above the ridge's most probable level, with p_u(N) ≥ share × max p_u;
     * nMax when the ridge never thins out that far (no annihilation, or a truncation that ends first), 0 without
     * injection (the only state is the empty one).
     *
     * @param rates the chain's rates (A V, and d(N) from their transitions)
     * @param nMax the truncation's top level (≥ 0); the ridge chain is cut there
     * @param share a share of the ridge's largest probability, in (0, 1]
     * @return the reach N, in [0, nMax]
     * @throws IllegalArgumentException for nMax &lt; 0 or share outside (0, 1]
     */
    public static int reach(RateModel rates, int nMax, double share) {
        if (nMax < 0) {
            throw new IllegalArgumentException("nMax must be >= 0, got " + nMax);
        }
        if (!(share > 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        double injection = rates.parameters().totalInjectionRate();
        if (injection == 0.0) {
            return 0;
        }
        double[] down = new double[nMax + 3]; // d(N), 0 above the truncation
        for (int n = 2; n <= nMax; n++) {
            down[n] = annihilation(rates, n);
        }
        double[] logP = new double[nMax + 1];
        double scaleLog = 0.0;
        double above = 1.0; // p_u(N + 1) / scale
        double twoAbove = 0.0; // p_u(N + 2) / scale
        logP[nMax] = 0.0;
        for (int n = nMax - 1; n >= 0; n--) {
            double value = (down[n + 1] * above + down[n + 2] * twoAbove) / injection;
            if (value == 0.0) {
                // nothing comes down through this cut (no annihilation): the ridge piles up at the truncation
                return nMax;
            }
            scaleLog += Math.log(value);
            logP[n] = scaleLog;
            twoAbove = above / value;
            above = 1.0;
        }
        int peak = 0;
        for (int n = 1; n <= nMax; n++) {
            if (logP[n] > logP[peak]) {
                peak = n;
            }
        }
        double floor = logP[peak] + Math.log(share);
        int reach = peak;
        while (reach < nMax && logP[reach + 1] >= floor) {
            reach++;
        }
        return reach;
    }

    /**
     * {@return d(N): the total rate (s⁻¹) of the transitions from (N, ⌊N/2⌋) to level N − 2} For docs/model.md's
     * rates that is Γ (N − m) m / V + Γt [(N − m) m + m²/2] / V at m = ⌊N/2⌋ (the singlet and two triplet
     * channels; the third triplet channel leaves the valid states); 0 for N &lt; 2 (no pair to annihilate).
     *
     * @param rates the chain's rates
     * @param n the level N (≥ 0)
     */
    public static double annihilation(RateModel rates, int n) {
        double[] sum = new double[1];
        rates.forEachTransition(n, n / 2, (channel, toN, toM, rate) -> {
            if (toN == n - 2) {
                sum[0] += rate;
            }
        });
        return sum[0];
    }
}
