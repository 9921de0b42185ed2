package org.qpspin.dynamics;

/**
 * The exact second-order statistics of a stationary observable o(N, m) sampled every Δt: the sequence
 * x_k = o(X(kΔt)) of the stationary chain.
 *
 * <p>Definitions (C_{−k} = C_k for a real stationary sequence):
 * <ul>
 *   <li>C_k = Cov(x_0, x_k) = δoᵀ e^{L kΔt} (p ∘ δo), δo = o − ⟨o⟩;</li>
 *   <li>τ_int = 1/2 + Σ_{k≥1} C_k/C_0 (in samples; Var of the sample mean of n samples → 2 τ_int C_0 / n);</li>
 *   <li>S_d(θ) = Σ_{k∈ℤ} C_k e^{ikθ} = C_0 + 2 Σ_{k≥1} C_k cos kθ, the discrete-time spectrum; Δt S_d(ωΔt) is the
 *       full alias sum Σ_j S(ω + 2πj/Δt) of the continuous two-sided spectrum (Poisson summation), so
 *       Δt S_d(0) → S(0) and Δt τ_int → S(0)/(2 Var) as Δt → 0.</li>
 * </ul>
 * The sums run until the tail is below the tolerance (see {@link SampledAutocovariance}); {@link #tailBound()} is
 * the estimate of what was left out of Σ_{k&gt;K}|C_k|.
 *
 * @param observable      the observable's name
 * @param dt              the sampling interval Δt, s
 * @param mean            ⟨o⟩
 * @param autocovariance  C_k for k = 0 … K (K ≥ the lags asked for; the sums used all of them)
 * @param tailBound       estimate of Σ_{k&gt;K} |C_k| (geometric extrapolation of the last lags)
 * @param errorBound      bound on the kernel's error in each C_k (accumulated over the K propagations)
 * @param converged       whether the tail met the tolerance before the lag cap
 * @param method          kernel method used
 */
public record SampledCorrelation(String observable, double dt, double mean, double[] autocovariance,
                                 double tailBound, double errorBound, boolean converged, String method) {

    /** {@return C_0 = Var o} */
    public double variance() {
        return autocovariance[0];
    }

    /**
     * {@return C_k (k ≤ K; 0 beyond, within {@link #tailBound()})}
     *
     * @param k the lag, in samples (≥ 0)
     */
    public double autocovariance(int k) {
        return k < autocovariance.length ? autocovariance[k] : 0.0;
    }

    /**
     * {@return C_k/C_0}
     *
     * @param k the lag, in samples (≥ 0)
     */
    public double autocorrelation(int k) {
        return autocovariance(k) / autocovariance[0];
    }

    /** {@return τ_int = 1/2 + Σ_{k≥1} C_k/C_0, in samples} */
    public double integratedAutocorrelation() {
        double s = 0.0;
        for (int k = autocovariance.length - 1; k >= 1; k--) {
            s += autocovariance[k];
        }
        return 0.5 + s / autocovariance[0];
    }

    /** {@return Δt τ_int, s (→ S(0)/(2 Var) as Δt → 0)} */
    public double integratedTime() {
        return dt * integratedAutocorrelation();
    }

    /**
     * {@return S_d(θ) = C_0 + 2 Σ_{k≥1} C_k cos kθ (per sample)}
     *
     * @param theta the frequency per sample θ = ωΔt, in radians
     */
    public double spectrum(double theta) {
        double s = 0.0;
        for (int k = autocovariance.length - 1; k >= 1; k--) {
            s += autocovariance[k] * Math.cos(k * theta);
        }
        return autocovariance[0] + 2.0 * s;
    }

    /**
     * {@return Δt S_d(ωΔt): the alias-summed two-sided spectrum at angular frequency ω, per Hz (MODEL.md convention)}
     *
     * @param omega angular frequency ω in rad/s (aliased into |ωΔt| ≤ π)
     */
    public double aliasedSpectrum(double omega) {
        return dt * spectrum(omega * dt);
    }
}
