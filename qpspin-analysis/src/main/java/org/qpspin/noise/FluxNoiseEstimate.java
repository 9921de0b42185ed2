package org.qpspin.noise;

import org.qpspin.model.ModelParameters;

/**
 * The paper's experimental estimate: the flux noise a polarized cluster threads through a SQUID loop, compared
 * with an unpolarized cluster of the same parameters. All spectra are two-sided (docs/model.md, "Noise
 * convention"), per Hz; a spectrum analyser's one-sided density is twice these ({@link #oneSided}).
 *
 * <p>Model and assumptions (docs/theory.md, "Noise"):
 * <ul>
 *   <li>The cluster's moment, in Bohr magnetons, is 2S = N − 2m along an axis that is random and isotropic, so
 *       its projection on the loop's normal has ⟨cos²θ⟩ = 1/3: S_spin(0) = S_{2S}(0)/3. The paper uses
 *       2S ≈ N (full polarization): S_spin ≈ S_N(0)/3. Both are reported; the exact chain gives S_{2S}.</li>
 *   <li>S_Φ = φ₁² S_spin with φ₁ the flux one Bohr magneton threads through the loop. For a spin on an arm of
 *       width w, φ₁ ≈ μ0 μB / w ({@link #singleSpinFlux}): the order of magnitude of the field per unit current
 *       at the surface of a thin strip (a uniform sheet gives μ0/(2w), current crowding at the edges more);
 *       5.6 × 10⁻⁸ Φ0 at w = 100 nm, which the paper rounds to ≈ 10⁻⁷ Φ0. Pass φ₁ directly to use another
 *       geometry factor.</li>
 *   <li>Unpolarized comparison: the same A, V, Γ, Γt, τs without spin-selective recombination. Mean field with
 *       m = N/2 (Eq. 1): N_u = V (A / (Γ/2 + Γt))^½. Its N_u spins are independent and random (±1 μB), each
 *       remembered until it leaves the cluster (mean residence time τ_res = N_u/(AV), Little's law) or flips
 *       (rate 2/τs for the projection): S_spin,u(0) = 2 N_u τ_u with 1/τ_u = 1/τ_res + 2/τs.</li>
 * </ul>
 */
public final class FluxNoiseEstimate {

    /** μ0 in T m / A (CODATA 2018). */
    public static final double VACUUM_PERMEABILITY = 1.25663706212e-6;
    /** μB in J / T (CODATA 2018). */
    public static final double BOHR_MAGNETON = 9.2740100783e-24;
    /** Φ0 = h / 2e in Wb (exact in SI 2019). */
    public static final double FLUX_QUANTUM = 2.067833848e-15;

    private final double phi1;
    private final double particleNoise;
    private final double spinNoisePaper;
    private final double spinNoiseExact;
    private final double unpolarizedClusterSize;
    private final double unpolarizedMemoryTime;
    private final double unpolarizedSpinNoise;

    private FluxNoiseEstimate(double phi1, double particleNoise, double momentNoise, ModelParameters p) {
        if (!(phi1 > 0.0) || !Double.isFinite(phi1)) {
            throw new IllegalArgumentException("single-spin flux phi1 must be finite and > 0 (Phi0), got " + phi1);
        }
        this.phi1 = phi1;
        this.particleNoise = particleNoise;
        this.spinNoisePaper = particleNoise / 3.0;
        this.spinNoiseExact = momentNoise / 3.0;
        double v = p.volume();
        double loss = p.singletRate() / 2.0 + p.tripletRate();
        unpolarizedClusterSize = v * Math.sqrt(p.injectionRate() / loss);
        double av = p.totalInjectionRate();
        double residence = av == 0.0 ? Double.POSITIVE_INFINITY : unpolarizedClusterSize / av;
        unpolarizedMemoryTime = 1.0 / (1.0 / residence + 2.0 * p.spinFlipRate());
        unpolarizedSpinNoise = 2.0 * unpolarizedClusterSize * unpolarizedMemoryTime;
    }

    /**
     * {@return the estimate from the two-sided zero-frequency noises of N and of the moment 2S = N − 2m (both in
     * particles²·s), the single-spin flux φ₁ in Φ0, and the parameters (for the unpolarized comparison)}
     *
     * @param p the parameters of the chain (A, V, Γ for the unpolarized cluster of the same injection)
     * @param particleNoise S_N(0), two-sided, in particles²·s (≥ 0)
     * @param momentNoise S_{N−2m}(0) of the moment 2S = N − 2m, two-sided, in particles²·s (≥ 0)
     * @param phi1 φ₁, the flux of one spin in Φ0 (&gt; 0; {@link #singleSpinFlux} from an arm width)
     */
    public static FluxNoiseEstimate of(ModelParameters p, double particleNoise, double momentNoise, double phi1) {
        return new FluxNoiseEstimate(phi1, particleNoise, momentNoise, p);
    }

    /**
     * {@return φ₁ ≈ μ0 μB / w in units of Φ0, for an arm of width w in metres}
     *
     * @param armWidthMetres the width w of the superconducting arm in metres (&gt; 0)
     */
    public static double singleSpinFlux(double armWidthMetres) {
        if (!(armWidthMetres > 0.0) || !Double.isFinite(armWidthMetres)) {
            throw new IllegalArgumentException("arm width must be finite and > 0 m, got " + armWidthMetres);
        }
        return VACUUM_PERMEABILITY * BOHR_MAGNETON / armWidthMetres / FLUX_QUANTUM;
    }

    /** {@return the moment 2S = N − 2m (in μB) as an observable} */
    public static Observable moment() {
        return Observable.of("2S", (n, m) -> n - 2.0 * m);
    }

    /** {@return φ₁ in Φ0} */
    public double singleSpinFlux() {
        return phi1;
    }

    /** {@return S_N(0), two-sided, particles²/Hz} */
    public double particleNoise() {
        return particleNoise;
    }

    /** {@return the paper's S_spin(0) ≈ S_N(0)/3, two-sided, μB²/Hz} */
    public double spinNoisePaper() {
        return spinNoisePaper;
    }

    /** {@return S_spin(0) = S_{N−2m}(0)/3 from the exact chain, two-sided, μB²/Hz} */
    public double spinNoise() {
        return spinNoiseExact;
    }

    /** {@return S_Φ(0) = φ₁² S_N/3 (the paper's formula), two-sided, Φ0²/Hz} */
    public double fluxNoisePaper() {
        return phi1 * phi1 * spinNoisePaper;
    }

    /** {@return S_Φ(0) = φ₁² S_{N−2m}/3 (exact moment), two-sided, Φ0²/Hz} */
    public double fluxNoise() {
        return phi1 * phi1 * spinNoiseExact;
    }

    /** {@return N_u = V (A/(Γ/2 + Γt))^½, the unpolarized mean-field cluster size} */
    public double unpolarizedClusterSize() {
        return unpolarizedClusterSize;
    }

    /** {@return τ_u: how long an unpolarized spin projection is remembered, in s} */
    public double unpolarizedMemoryTime() {
        return unpolarizedMemoryTime;
    }

    /** {@return S_spin,u(0) = 2 N_u τ_u, two-sided, μB²/Hz} */
    public double unpolarizedSpinNoise() {
        return unpolarizedSpinNoise;
    }

    /** {@return S_Φ,u(0) = φ₁² S_spin,u, two-sided, Φ0²/Hz} */
    public double unpolarizedFluxNoise() {
        return phi1 * phi1 * unpolarizedSpinNoise;
    }

    /** {@return S_Φ / S_Φ,u (exact moment over unpolarized)} */
    public double enhancement() {
        return fluxNoise() / unpolarizedFluxNoise();
    }

    /**
     * {@return a measured one-sided density from a two-sided value: 2 S}
     *
     * @param twoSided a two-sided spectral density S (any units per Hz), as qpspin reports them
     */
    public static double oneSided(double twoSided) {
        return 2.0 * twoSided;
    }
}
