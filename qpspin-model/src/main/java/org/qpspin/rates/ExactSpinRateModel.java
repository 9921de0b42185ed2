package org.qpspin.rates;

import org.qpspin.model.ModelParameters;

/**
 * The exact-spin rates: the processes of docs/model.md ("the exact-spin model") evaluated with the quantum
 * mechanics of N spin-½ particles in the isotropic mixture ρ_{N,S} = P_S / Tr P_S, with no expansion in m/N.
 * Derivation: docs/theory.md, "The exact-spin rate model".
 *
 * <p>From (N, m), with S = N/2 − m the total spin, t = 2S = N − 2m and a = N − m + 1 = N/2 + S + 1:
 * <ul>
 *   <li>injection (Clebsch–Gordan, S ⊗ ½ = (S+½) ⊕ (S−½)): → (N+1, m) at AV (t+2)/(2(t+1)) = AV (S+1)/(2S+1),
 *       → (N+1, m+1) at AV t/(2(t+1)) = AV S/(2S+1) (zero for S = 0: no boundary rule is needed);</li>
 *   <li>singlet annihilation (Σ_{i&lt;j} P_singlet(ij) = [N/2(N/2+1) − S(S+1)]/2 = m a/2 on the sector, the
 *       rest keeps spin S): → (N−2, m−1) at Γ m a / V;</li>
 *   <li>spin flips (Wigner–Eckart within S_rest ⊗ ½, weighted by the sector's branching f(N−1, S∓½)/f(N, S)):
 *       → (N, m+1) at a (t−1)/((t+1) τs), → (N, m−1) at m (t+3)/((t+1) τs);</li>
 *   <li>spin-independent annihilation (the rest's spin S' ∈ {S−1, S, S+1} counted by multiplicities
 *       f(N−2, S')): → (N−2, m) at Γt a (N−m) (t−1)/(2V (t+1)), → (N−2, m−1) at Γt m a / V (half that when
 *       S = 0: a spin-0 rest cannot couple to a triplet pair into S = 0), → (N−2, m−2) at
 *       Γt m (m−1) (t+3)/(2V (t+1)).</li>
 * </ul>
 * Every rate is a product and quotient of non-negative integers (a, t ± 1, t + 2, t + 3, m, m − 1, N − m) that
 * are formed exactly in integer arithmetic: no floating-point subtraction, so each rate carries a relative
 * error of a few ulps however small it is. A channel whose integer factor vanishes (t − 1 at S = ½, m − 1 at
 * m = 1, t at S = 0) is not reported; the transitions reported are then exactly those of
 * {@link Prl2020RateModel} (same targets, same sparsity pattern), only the rates differ.
 *
 * <p>Leading order (m ≪ N, checked in ExactSpinLimitTest): every rate equals the PRL 2020 rate times
 * 1 + O(1/N) (injection: 1 + O(m/N²)), except spin-independent annihilation to (N−2, m−2), whose PRL 2020 rate
 * Γt m²/(2V) counts ordered minority pairs including a spin with itself: the exact rate is smaller by the factor
 * (1 − 1/m)(1 + O(1/N)), which tends to 1 only for m ≫ 1.
 */
public final class ExactSpinRateModel implements RateModel {

    /** The name used on the command line and in every output. */
    public static final String NAME = "exact-spin";

    private static final Channel[] CHANNELS = Channel.values();

    private final ModelParameters parameters;
    private final double totalInjection;
    private final double singletPerVolume;
    private final double tripletPerVolume;
    private final double flipRate;

    private ExactSpinRateModel(ModelParameters parameters) {
        this.parameters = parameters;
        this.totalInjection = parameters.totalInjectionRate();
        this.singletPerVolume = parameters.singletRate() / parameters.volume();
        this.tripletPerVolume = parameters.tripletRate() / parameters.volume();
        this.flipRate = parameters.spinFlipRate();
    }

    /**
     * {@return the exact-spin rates for {@code parameters}}
     *
     * @param parameters the model parameters
     */
    public static ExactSpinRateModel of(ModelParameters parameters) {
        return new ExactSpinRateModel(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelParameters parameters() {
        return parameters;
    }

    /**
     * {@return the rate of {@code channel} out of the valid state (N, m), in s⁻¹; 0 where the channel does not act (its
     * target is invalid or its spin factor vanishes)} The formulas are the class comment's.
     *
     * @param channel the process
     * @param n       N ≥ 0
     * @param m       0 ≤ m ≤ ⌊N/2⌋
     */
    public double rate(Channel channel, int n, int m) {
        int t = n - 2 * m;      // 2S ≥ 0
        double a = n - m + 1;   // N/2 + S + 1 ≥ 1
        switch (channel) {
            case INJECTION:
                return totalInjection * (t + 2.0) / (2.0 * (t + 1.0));
            case INJECTION_FLIPPED:
                return t >= 1 ? totalInjection * t / (2.0 * (t + 1.0)) : 0.0;
            case SINGLET:
                return m >= 1 ? singletPerVolume * m * a : 0.0;
            case FLIP_UP:
                return t >= 2 ? flipRate * a * (t - 1.0) / (t + 1.0) : 0.0;
            case FLIP_DOWN:
                return m >= 1 ? flipRate * m * (t + 3.0) / (t + 1.0) : 0.0;
            case TRIPLET_MAJORITY:
                return t >= 2 ? tripletPerVolume * a * (double) (n - m) * (t - 1.0) / (2.0 * (t + 1.0)) : 0.0;
            case TRIPLET_MIXED:
                if (m < 1) {
                    return 0.0;
                }
                return t == 0 ? 0.5 * tripletPerVolume * m * a : tripletPerVolume * m * a;
            case TRIPLET_MINORITY:
                return m >= 2 ? tripletPerVolume * m * (m - 1.0) * (t + 3.0) / (2.0 * (t + 1.0)) : 0.0;
            default:
                throw new AssertionError(channel);
        }
    }

    @Override
    public void forEachTransition(int n, int m, TransitionSink sink) {
        for (Channel c : CHANNELS) {
            double r = rate(c, n, m);
            if (r > 0.0) {
                sink.accept(c, n + c.deltaN(), m + c.deltaM(), r);
            }
        }
    }

    @Override
    public double totalRate(int n, int m) {
        double total = 0.0;
        for (Channel c : CHANNELS) {
            total += rate(c, n, m);
        }
        return total;
    }

    @Override
    public String toString() {
        return "exact-spin rate model (" + parameters + ")";
    }
}
