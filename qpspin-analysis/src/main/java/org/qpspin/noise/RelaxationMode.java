package org.qpspin.noise;

/**
 * One relaxation mode of the correlation function, C(t) = Σ_k c_k e^{λ_k t} (t ≥ 0), with λ_k = −γ_k + iν_k an
 * eigenvalue of L and c_k its complex weight; complex modes come in conjugate pairs. Its two-sided spectral
 * contribution is the (generalized) Lorentzian 2 Re[c_k / (−iω − λ_k)], which for a real mode is
 * 2 c_k γ_k / (ω² + γ_k²), integrating to c_k over dω/2π.
 *
 * @param rate γ = −Re λ, the decay rate in s⁻¹ (&gt; 0)
 * @param frequency ν = Im λ in rad/s (0 for a real mode)
 * @param weight Re c, the mode's share of the variance (its Lorentzian's integral over dω/2π, summed with its pair)
 * @param weightImaginary Im c (0 for a real mode)
 */
public record RelaxationMode(double rate, double frequency, double weight, double weightImaginary) {

    /** {@return the relaxation time 1/γ in s} */
    public double time() {
        return 1.0 / rate;
    }

    /**
     * {@return this mode's contribution to the two-sided S(ω): 2 Re[c / (−iω − λ)]}
     *
     * @param omega angular frequency ω in rad/s
     */
    public double lorentzian(double omega) {
        double shifted = omega + frequency;
        return 2.0 * (weight * rate - weightImaginary * shifted) / (rate * rate + shifted * shifted);
    }

    @Override
    public String toString() {
        return "mode{gamma=" + rate + ", nu=" + frequency + ", c=" + weight + (weightImaginary == 0.0 ? "" :
                (weightImaginary > 0 ? "+" : "") + weightImaginary + "i") + "}";
    }
}
