package org.qpspin.model;

/**
 * The paper's aluminium estimates, computed from the microscopic constants of docs/model.md ("Aluminium"):
 * <ul>
 *   <li>Γ = 4 (Δ/Tc)³ / (τ0 ν Δ), with Δ/Tc = 1.76, ν = 17.2 eV⁻¹ nm⁻³ (per spin), Δ = 168 µeV, τ0 = 400 ns;</li>
 *   <li>Γt = α² Γ with α = 10⁻² (K = 1);</li>
 *   <li>1/τs = α² (δε/Δ)^{7/2} / τ0 with δε/Δ = 0.1.</li>
 * </ul>
 * Nothing here is typed in as a result: Γ ≈ 18.9 s⁻¹ µm³, τs ≈ 12.6 s follow from the constants. The paper
 * rounds these to Γ ≈ 18, τs ≈ 10 s (see docs/validation.md).
 */
public final class Aluminium {

    /** Δ/Tc, the BCS ratio used by the paper. */
    public static final double GAP_OVER_TC = 1.76;
    /** ν, density of states per spin, in eV⁻¹ nm⁻³. */
    public static final double DENSITY_OF_STATES_PER_EV_NM3 = 17.2;
    /** Δ, the gap, in eV. */
    public static final double GAP_EV = 168e-6;
    /** τ0, the electron–phonon time, in s. */
    public static final double TAU0_S = 400e-9;
    /** α, the spin–orbit parameter. */
    public static final double SPIN_ORBIT_ALPHA = 1e-2;
    /** δε/Δ, the quasiparticle energy above the gap relative to Δ. */
    public static final double ENERGY_ABOVE_GAP_OVER_GAP = 0.1;

    private static final double NM3_PER_UM3 = 1e9;

    private Aluminium() {
    }

    /** {@return Γ = 4 (Δ/Tc)³ / (τ0 ν Δ) in s⁻¹ µm³} */
    public static double singletRate() {
        double nuDeltaPerUm3 = DENSITY_OF_STATES_PER_EV_NM3 * GAP_EV * NM3_PER_UM3;
        return 4.0 * GAP_OVER_TC * GAP_OVER_TC * GAP_OVER_TC / (TAU0_S * nuDeltaPerUm3);
    }

    /** {@return Γt = α² Γ in s⁻¹ µm³} */
    public static double tripletRate() {
        return SPIN_ORBIT_ALPHA * SPIN_ORBIT_ALPHA * singletRate();
    }

    /** {@return τs = τ0 / (α² (δε/Δ)^{7/2}) in s} */
    public static double spinFlipTime() {
        return TAU0_S / (SPIN_ORBIT_ALPHA * SPIN_ORBIT_ALPHA * Math.pow(ENERGY_ABOVE_GAP_OVER_GAP, 3.5));
    }

    /**
     * {@return aluminium parameters for volume V (µm³) and injection A (s⁻¹ µm⁻³)}
     *
     * @param injectionRate A in s⁻¹ µm⁻³ (≥ 0)
     * @param volume V in µm³ (&gt; 0)
     */
    public static ModelParameters parameters(double injectionRate, double volume) {
        return ModelParameters.of(injectionRate, volume, singletRate(), tripletRate(), spinFlipTime());
    }

    /**
     * Aluminium parameters for volume V (µm³) whose mean-field cluster size is N0 (A from Eq. 4).
     *
     * @param meanFieldN0 the mean-field N0 of Eq. 4 (&gt; 0)
     * @param volume V in µm³ (&gt; 0)
     * @return the aluminium parameters with that A
     */
    public static ModelParameters withMeanFieldN0(double meanFieldN0, double volume) {
        return ModelParameters.withMeanFieldN0(meanFieldN0, volume, singletRate(), tripletRate(), spinFlipTime());
    }
}
