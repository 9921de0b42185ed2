package org.qpspin.noise;

import java.util.List;

/**
 * S_f(ω) on a frequency grid, two-sided (docs/model.md, "Noise convention"; a measured one-sided density is 2S),
 * in (units of f)²·s = (units of f)²/Hz, with its diagnostics.
 *
 * <ul>
 *   <li>{@link #route()}: {@code modes} (shift-invariant Krylov / relaxation-mode expansion, one basis for the
 *       whole grid), {@code modes+direct} (Krylov, with direct complex solves where it had not converged), or
 *       {@code direct} (one sparse complex-shifted LU per frequency);</li>
 *   <li>{@link #estimatedRelativeError()}: the largest relative change of S(ω) over the last Krylov steps at the
 *       grid points kept from the Krylov route (0 for direct points);</li>
 *   <li>{@link #verificationError()}: relative deviation from one direct solve at the highest Krylov frequency
 *       (NaN if not checked: chain above the check limit, or direct route);</li>
 *   <li>{@link #sumRuleRatio()}: ∫S dω/2π / Var f from the grid (log-trapezoid, flat below the lowest frequency
 *       down to 0 using S(0), and an ω⁻² tail above the highest); → 1 when the grid spans the relaxation rates
 *       densely, so it checks the grid as much as the numbers;</li>
 *   <li>{@link #modeSumRuleRatio()}: Σ Re c_k / Var f of the mode expansion;</li>
 *   <li>{@link #highFrequencyCoefficient()}: D = −(f−⟨f⟩)ᵀ L δ = ½ Σ_j p_j Σ_i L_ij (f_i − f_j)², so that
 *       S(ω) → 2D/ω² far above every rate (exact, from one product with L).</li>
 * </ul>
 */
public final class NoiseSpectrum {

    private final String observable;
    private final double[] omega;
    private final double[] values;
    private final boolean[] direct;
    private final double zeroFrequency;
    private final double variance;
    private final double highFrequencyCoefficient;
    private final List<RelaxationMode> modes;
    private final String route;
    private final int krylovDimension;
    private final boolean krylovConverged;
    private final double estimatedRelativeError;
    private final double verificationError;
    private final double sumRuleRatio;
    private final double modeSumRuleRatio;
    private final String solver;
    private final double seconds;

    NoiseSpectrum(String observable, double[] omega, double[] values, boolean[] direct, double zeroFrequency,
                  double variance, double highFrequencyCoefficient, List<RelaxationMode> modes, String route,
                  int krylovDimension, boolean krylovConverged, double estimatedRelativeError,
                  double verificationError, double sumRuleRatio, double modeSumRuleRatio, String solver,
                  double seconds) {
        this.observable = observable;
        this.omega = omega;
        this.values = values;
        this.direct = direct;
        this.zeroFrequency = zeroFrequency;
        this.variance = variance;
        this.highFrequencyCoefficient = highFrequencyCoefficient;
        this.modes = List.copyOf(modes);
        this.route = route;
        this.krylovDimension = krylovDimension;
        this.krylovConverged = krylovConverged;
        this.estimatedRelativeError = estimatedRelativeError;
        this.verificationError = verificationError;
        this.sumRuleRatio = sumRuleRatio;
        this.modeSumRuleRatio = modeSumRuleRatio;
        this.solver = solver;
        this.seconds = seconds;
    }

    /** {@return name of the observable} */
    public String observable() {
        return observable;
    }

    /** {@return the angular frequencies ω in rad/s (copy)} */
    public double[] omega() {
        return omega.clone();
    }

    /** {@return the frequencies f = ω/2π in Hz (copy)} */
    public double[] frequencyHz() {
        double[] f = new double[omega.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = omega[i] / (2.0 * Math.PI);
        }
        return f;
    }

    /** {@return two-sided S(ω) at {@link #omega()} (copy)} */
    public double[] values() {
        return values.clone();
    }

    /** {@return whether point i came from a direct solve (copy)} */
    public boolean[] direct() {
        return direct.clone();
    }

    /** {@return S(0) from the group-inverse solve (exact)} */
    public double zeroFrequency() {
        return zeroFrequency;
    }

    /** {@return var f} */
    public double variance() {
        return variance;
    }

    /** {@return D with S(ω) → 2D/ω² for ω far above every rate} */
    public double highFrequencyCoefficient() {
        return highFrequencyCoefficient;
    }

    /** {@return the relaxation modes of the expansion (Ritz values of the Krylov projection), slowest first} */
    public List<RelaxationMode> modes() {
        return modes;
    }

    /**
     * {@return the mode expansion Σ_k 2 Re[c_k/(−iω − λ_k)] at ω (the Lorentzian rebuild of the spectrum)}
     *
     * @param w angular frequency ω in rad/s (≥ 0)
     */
    public double fromModes(double w) {
        double s = 0.0;
        for (RelaxationMode m : modes) {
            s += m.lorentzian(w);
        }
        return s;
    }

    /** {@return {@code modes}, {@code modes+direct} or {@code direct}} */
    public String route() {
        return route;
    }

    /** {@return dimension of the Krylov basis (0 on the direct route)} */
    public int krylovDimension() {
        return krylovDimension;
    }

    /** {@return whether the Krylov route met its tolerance at every grid point it was used for} */
    public boolean krylovConverged() {
        return krylovConverged;
    }

    /** {@return largest estimated relative error of a Krylov point} */
    public double estimatedRelativeError() {
        return estimatedRelativeError;
    }

    /** {@return relative deviation of the Krylov value from a direct solve at the highest Krylov frequency (or NaN)} */
    public double verificationError() {
        return verificationError;
    }

    /** {@return ∫S dω/2π / Var f by quadrature over the grid} */
    public double sumRuleRatio() {
        return sumRuleRatio;
    }

    /** {@return Σ Re c_k / Var f of the mode expansion} */
    public double modeSumRuleRatio() {
        return modeSumRuleRatio;
    }

    /** {@return the stationary solver whose factorization was reused} */
    public String solver() {
        return solver;
    }

    /** {@return wall time of the spectrum in s (stationary solve excluded)} */
    public double seconds() {
        return seconds;
    }
}
