package org.qpspin.model;

/**
 * The paper's derived scales (docs/model.md, "Derived scales") for one parameter set.
 *
 * <ul>
 *   <li>Vc = Γ τs (critical volume, µm³; +∞ when τs = +∞)</li>
 *   <li>Ac = Γ / (Γt τs)² (critical injection, s⁻¹ µm⁻³; +∞ when Γt τs = 0, 0 when τs = +∞ and Γt &gt; 0)</li>
 *   <li>Nc = Γ / Γt (largest polarized cluster; +∞ when Γt = 0)</li>
 *   <li>c0 = (2A/Γ)^½ (unpolarized density, µm⁻³; +∞ when Γ = 0), N_unpol = c0 V</li>
 *   <li>ζs = V / Vc, ζt = (A V² / (Ac Vc²))^⅓ / 2 (dimensionless)</li>
 *   <li>t_f = (A Γt² / V)^(−1/3), the TA noise time (s; +∞ when Γt = 0)</li>
 * </ul>
 * IEEE arithmetic gives the limits above; no value is NaN for valid parameters except ζt when Ac Vc² is
 * indeterminate (τs = +∞ and Γt = 0 cannot occur: such parameters are rejected).
 */
public final class Scales {

    private final double criticalVolume;
    private final double criticalInjectionRate;
    private final double criticalClusterSize;
    private final double unpolarizedDensity;
    private final double unpolarizedClusterSize;
    private final double zetaS;
    private final double zetaT;
    private final double tripletNoiseTime;

    private Scales(ModelParameters p) {
        double gamma = p.singletRate();
        double gammaT = p.tripletRate();
        double tau = p.spinFlipTime();
        double a = p.injectionRate();
        double v = p.volume();
        criticalVolume = gamma * tau;
        double gtTau = gammaT * tau;
        criticalInjectionRate = gtTau == 0.0 ? Double.POSITIVE_INFINITY : gamma / (gtTau * gtTau);
        criticalClusterSize = gammaT == 0.0 ? Double.POSITIVE_INFINITY : gamma / gammaT;
        unpolarizedDensity = gamma == 0.0 ? Double.POSITIVE_INFINITY : Math.sqrt(2.0 * a / gamma);
        unpolarizedClusterSize = unpolarizedDensity * v;
        zetaS = v / criticalVolume;
        // Ac Vc^2 = Gamma^3 / Gamma_t^2: written directly to avoid inf*0 when tau_s = inf.
        double acVc2 = gammaT == 0.0 ? Double.POSITIVE_INFINITY : gamma * gamma * gamma / (gammaT * gammaT);
        zetaT = Math.cbrt(a * v * v / acVc2) / 2.0;
        tripletNoiseTime = gammaT == 0.0 || a == 0.0 ? Double.POSITIVE_INFINITY
                : 1.0 / Math.cbrt(a * gammaT * gammaT / v);
    }

    /**
     * {@return the scales of {@code p}}
     *
     * @param p the model parameters
     */
    public static Scales of(ModelParameters p) {
        return new Scales(p);
    }

    /** {@return vc = Γ τs in µm³} */
    public double criticalVolume() {
        return criticalVolume;
    }

    /** {@return ac = Γ / (Γt τs)² in s⁻¹ µm⁻³} */
    public double criticalInjectionRate() {
        return criticalInjectionRate;
    }

    /** {@return nc = Γ / Γt} */
    public double criticalClusterSize() {
        return criticalClusterSize;
    }

    /** {@return c0 = (2A/Γ)^½ in µm⁻³} */
    public double unpolarizedDensity() {
        return unpolarizedDensity;
    }

    /** {@return N_unpol = c0 V} */
    public double unpolarizedClusterSize() {
        return unpolarizedClusterSize;
    }

    /** {@return ζs = V / Vc} */
    public double zetaS() {
        return zetaS;
    }

    /** {@return ζt = (A V² / (Ac Vc²))^⅓ / 2} */
    public double zetaT() {
        return zetaT;
    }

    /** {@return t_f = (A Γt² / V)^(−1/3) in s, the TA-regime noise time of docs/model.md} */
    public double tripletNoiseTime() {
        return tripletNoiseTime;
    }
}
