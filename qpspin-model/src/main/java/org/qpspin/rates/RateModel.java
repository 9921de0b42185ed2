package org.qpspin.rates;

import org.qpspin.model.ModelParameters;

/**
 * The transition rates of the (N, m) chain: one definition of the physics, shared by the generator assembly
 * and the Monte Carlo simulator.
 *
 * <p>Contract: {@link #forEachTransition} reports every transition out of a valid state whose target is a
 * valid state (0 ≤ m ≤ ⌊N/2⌋) and whose rate is positive, each target at most once per channel. Truncation is
 * not the rate model's business: the caller decides what to do with targets outside its truncated set.
 * Implementations are immutable and thread-safe, and never allocate in {@link #forEachTransition}.
 */
public interface RateModel {

    /** {@return a short name, e.g. {@code "prl2020"}} */
    String name();

    /** {@return the parameters the rates were built from} */
    ModelParameters parameters();

    /**
     * Reports the transitions out of (N, m).
     *
     * @param n    N ≥ 0
     * @param m    0 ≤ m ≤ ⌊N/2⌋
     * @param sink receiver, called once per transition
     */
    void forEachTransition(int n, int m, TransitionSink sink);

    /**
     * {@return total rate out of (N, m) to valid states, in s⁻¹ (the sum of what {@link #forEachTransition} reports)}
     *
     * @param n N, the number of quasiparticles (≥ 0)
     * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
     */
    double totalRate(int n, int m);
}
