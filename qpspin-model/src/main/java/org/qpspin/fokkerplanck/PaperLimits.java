package org.qpspin.fokkerplanck;

import org.apache.commons.math3.special.Gamma;

/**
 * Closed forms of Eq. 7 in its two limits (docs/model.md), as multiples of the mean-field N0:
 * <ul>
 *   <li>Eq. 8, spin relaxation (P ∝ N² e^{−N²/N0²}): ⟨N⟩ = Γ(2)/Γ(3/2) N0 = (2/√π) N0,
 *       ⟨N²⟩ = Γ(5/2)/Γ(3/2) N0² = (3/2) N0²;</li>
 *   <li>Eq. 9, triplet annihilation (P ∝ N² e^{−2N³/(3N0³)}): ⟨N^k⟩ = Γ(1 + k/3) (3/2)^{k/3} N0^k, i.e.
 *       ⟨N⟩ = Γ(1/3)/18^⅓ N0 and ⟨N²⟩ = 2^{4/3}π/(3^{5/6}Γ(1/3)) N0² (Γ(5/3) by the reflection formula).</li>
 * </ul>
 * The constants are written as the paper prints them; the Γ-function forms are checked against them in tests.
 */
public final class PaperLimits {

    /** Eq. 8: ⟨N⟩/N0 = 2/√π. */
    public static final double SR_MEAN = 2.0 / Math.sqrt(Math.PI);
    /** Eq. 8: ⟨N²⟩/N0² = 3/2. */
    public static final double SR_SECOND_MOMENT = 1.5;
    /** Eq. 9: ⟨N⟩/N0 = Γ(1/3)/18^⅓. */
    public static final double TA_MEAN = Gamma.gamma(1.0 / 3.0) / Math.cbrt(18.0);
    /** Eq. 9: ⟨N²⟩/N0² = 2^{4/3} π / (3^{5/6} Γ(1/3)). */
    public static final double TA_SECOND_MOMENT = Math.pow(2.0, 4.0 / 3.0) * Math.PI
            / (Math.pow(3.0, 5.0 / 6.0) * Gamma.gamma(1.0 / 3.0));
    /** docs/model.md: S_N(0) = 0.5 ⟨⟨N²⟩⟩ τs in the spin-relaxation regime (the paper's rounded coefficient). */
    public static final double SR_NOISE = 0.5;
    /** docs/model.md: S_N(0) = 0.6 ⟨⟨N²⟩⟩ t_f in the triplet regime (the paper's rounded coefficient). */
    public static final double TA_NOISE = 0.6;

    private PaperLimits() {
    }

    /**
     * {@return ⟨N^k⟩/N0^k of the spin-relaxation shape: Γ((3+k)/2)/Γ(3/2)}
     *
     * @param k the moment's order (≥ 0)
     */
    public static double spinRelaxationMoment(int k) {
        return Math.exp(Gamma.logGamma((3.0 + k) / 2.0) - Gamma.logGamma(1.5));
    }

    /**
     * {@return ⟨N^k⟩/N0^k of the triplet shape: Γ(1 + k/3) (3/2)^{k/3}}
     *
     * @param k the moment's order (≥ 0)
     */
    public static double tripletAnnihilationMoment(int k) {
        return Gamma.gamma(1.0 + k / 3.0) * Math.pow(1.5, k / 3.0);
    }
}
