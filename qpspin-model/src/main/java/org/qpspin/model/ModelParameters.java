package org.qpspin.model;

/**
 * The five physical parameters of the cluster model, in the units fixed by {@code docs/model.md}
 * (seconds and micrometres).
 *
 * <p>Immutable and validated on construction: every parameter must be finite and in range, except
 * {@code spinFlipTime}, which may be {@code +∞} (no spin flips). A stationary state must exist, so at
 * least one loss channel must be active: Γt &gt; 0, or Γ &gt; 0 together with a finite τs.
 * The injection rate may be zero, in which case the only stationary state is the empty cluster.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>symbol</th><th>unit</th><th>allowed</th></tr>
 *   <tr><td>{@link #injectionRate()}</td><td>A</td><td>s⁻¹ µm⁻³</td><td>≥ 0, finite</td></tr>
 *   <tr><td>{@link #volume()}</td><td>V</td><td>µm³</td><td>&gt; 0, finite</td></tr>
 *   <tr><td>{@link #singletRate()}</td><td>Γ</td><td>s⁻¹ µm³</td><td>≥ 0, finite</td></tr>
 *   <tr><td>{@link #tripletRate()}</td><td>Γt</td><td>s⁻¹ µm³</td><td>≥ 0, finite</td></tr>
 *   <tr><td>{@link #spinFlipTime()}</td><td>τs</td><td>s</td><td>&gt; 0, or +∞</td></tr>
 * </table>
 */
public record ModelParameters(double injectionRate, double volume, double singletRate, double tripletRate,
                              double spinFlipTime) {

    /**
     * Validates the parameters, as {@link #of}.
     *
     * @param injectionRate A, quasiparticles injected per second and µm³ (≥ 0, finite)
     * @param volume V, the volume in µm³ (&gt; 0, finite)
     * @param singletRate Γ, the singlet annihilation rate in s⁻¹ µm³ (≥ 0, finite)
     * @param tripletRate Γt, the triplet annihilation rate in s⁻¹ µm³ (≥ 0, finite)
     * @param spinFlipTime τs, the spin-flip time in s (&gt; 0; +∞ for no spin flips)
     * @throws IllegalArgumentException naming the offending parameter and its allowed range, or when
     *                                  no stationary state exists (no loss channel)
     */
    public ModelParameters {
        requireFiniteAtLeast("injection rate A", injectionRate, 0.0, "s^-1 um^-3");
        requireFinitePositive("volume V", volume, "um^3");
        requireFiniteAtLeast("singlet rate Gamma", singletRate, 0.0, "s^-1 um^3");
        requireFiniteAtLeast("triplet rate Gamma_t", tripletRate, 0.0, "s^-1 um^3");
        if (Double.isNaN(spinFlipTime) || !(spinFlipTime > 0.0)) {
            throw new IllegalArgumentException(
                    "spin-flip time tau_s must be > 0 s or +infinity (no spin flips), got " + spinFlipTime);
        }
        boolean spinFlips = spinFlipTime != Double.POSITIVE_INFINITY;
        if (tripletRate == 0.0 && !spinFlips) {
            throw new IllegalArgumentException("no stationary state: with triplet rate Gamma_t = 0 and "
                    + "tau_s = infinity the cluster grows without bound (docs/model.md); give Gamma_t > 0 or a "
                    + "finite tau_s");
        }
        if (tripletRate == 0.0 && singletRate == 0.0) {
            throw new IllegalArgumentException("no stationary state: with Gamma = 0 and Gamma_t = 0 nothing "
                    + "removes quasiparticles; give Gamma > 0 or Gamma_t > 0");
        }
    }

    /**
     * Validated parameters.
     *
     * @param injectionRate A, quasiparticles injected per second and µm³ (≥ 0, finite)
     * @param volume        V, cluster volume in µm³ (&gt; 0, finite)
     * @param singletRate   Γ, singlet recombination constant in s⁻¹ µm³ (≥ 0, finite)
     * @param tripletRate   Γt, triplet recombination constant in s⁻¹ µm³ (≥ 0, finite)
     * @param spinFlipTime  τs, single-spin flip time in s (&gt; 0, or {@code Double.POSITIVE_INFINITY})
     * @return the parameters
     * @throws IllegalArgumentException naming the offending parameter and its allowed range, or when
     *                                  no stationary state exists (no loss channel)
     */
    public static ModelParameters of(double injectionRate, double volume, double singletRate, double tripletRate,
                                     double spinFlipTime) {
        return new ModelParameters(injectionRate, volume, singletRate, tripletRate, spinFlipTime);
    }

    /**
     * Parameters for which the mean-field cluster size N0 (positive root of Eq. 4) equals {@code meanFieldN0}:
     * A = [(2/τs) N0² + (Γt/V) N0³] / V.
     *
     * @param meanFieldN0 the wanted N0 (&gt; 0, finite)
     * @param volume V in µm³
     * @param singletRate Γ in s⁻¹ µm³
     * @param tripletRate Γt in s⁻¹ µm³
     * @param spinFlipTime τs in s (+∞ allowed)
     * @return the parameters with that A
     * @throws IllegalArgumentException if N0 is not finite and positive, or as {@link #of}
     */
    public static ModelParameters withMeanFieldN0(double meanFieldN0, double volume, double singletRate,
                                                  double tripletRate, double spinFlipTime) {
        requireFinitePositive("mean-field cluster size N0", meanFieldN0, "quasiparticles");
        requireFinitePositive("volume V", volume, "um^3");
        double flipRate = spinFlipTime == Double.POSITIVE_INFINITY ? 0.0 : 1.0 / spinFlipTime;
        double injection = (2.0 * flipRate * meanFieldN0 * meanFieldN0
                + tripletRate / volume * meanFieldN0 * meanFieldN0 * meanFieldN0) / volume;
        return of(injection, volume, singletRate, tripletRate, spinFlipTime);
    }

    private static void requireFinitePositive(String name, double value, String unit) {
        if (!Double.isFinite(value) || !(value > 0.0)) {
            throw new IllegalArgumentException(name + " must be finite and > 0 (" + unit + "), got " + value);
        }
    }

    private static void requireFiniteAtLeast(String name, double value, double min, String unit) {
        if (!Double.isFinite(value) || value < min) {
            throw new IllegalArgumentException(name + " must be finite and >= " + min + " (" + unit + "), got "
                    + value);
        }
    }

    /** {@return A, quasiparticles injected per second and µm³} */
    public double injectionRate() {
        return injectionRate;
    }

    /** {@return V, cluster volume in µm³} */
    public double volume() {
        return volume;
    }

    /** {@return Γ, singlet recombination constant in s⁻¹ µm³} */
    public double singletRate() {
        return singletRate;
    }

    /** {@return Γt, triplet (spin-independent) recombination constant in s⁻¹ µm³} */
    public double tripletRate() {
        return tripletRate;
    }

    /** {@return τs in s; {@code +∞} means no spin flips} */
    public double spinFlipTime() {
        return spinFlipTime;
    }

    /** {@return 1/τs in s⁻¹ (0 when τs = +∞)} */
    public double spinFlipRate() {
        return spinFlipTime == Double.POSITIVE_INFINITY ? 0.0 : 1.0 / spinFlipTime;
    }

    /** {@return A·V, the total injection rate of the cluster in s⁻¹ (the same in every state)} */
    public double totalInjectionRate() {
        return injectionRate * volume;
    }

    /** {@return whether spin flips are active (τs finite)} */
    public boolean hasSpinFlips() {
        return spinFlipTime != Double.POSITIVE_INFINITY;
    }

    /**
     * A copy with another injection rate A.
     *
     * @param a A in s⁻¹ µm⁻³ (≥ 0, finite)
     * @return the copy
     */
    public ModelParameters withInjectionRate(double a) {
        return of(a, volume, singletRate, tripletRate, spinFlipTime);
    }

    /**
     * A copy with another volume V.
     *
     * @param v V in µm³ (&gt; 0, finite)
     * @return the copy
     */
    public ModelParameters withVolume(double v) {
        return of(injectionRate, v, singletRate, tripletRate, spinFlipTime);
    }

    /**
     * A copy with another spin-flip time τs.
     *
     * @param tau τs in s (&gt; 0; +∞ for no spin flips)
     * @return the copy
     */
    public ModelParameters withSpinFlipTime(double tau) {
        return of(injectionRate, volume, singletRate, tripletRate, tau);
    }

    /**
     * A copy with another triplet rate Γt.
     *
     * @param gt Γt in s⁻¹ µm³ (≥ 0, finite)
     * @return the copy
     */
    public ModelParameters withTripletRate(double gt) {
        return of(injectionRate, volume, singletRate, gt, spinFlipTime);
    }

    @Override
    public String toString() {
        return "A=" + injectionRate + " s^-1um^-3, V=" + volume + " um^3, Gamma=" + singletRate
                + " s^-1um^3, Gamma_t=" + tripletRate + " s^-1um^3, tau_s=" + spinFlipTime + " s";
    }
}
