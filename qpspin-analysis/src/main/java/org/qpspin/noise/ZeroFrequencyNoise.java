package org.qpspin.noise;

/**
 * The zero-frequency noise of one observable f, in the two-sided convention of docs/model.md ("Noise convention"):
 * S_f(0) = ∫ dt ⟨⟨f(t) f(0)⟩⟩ = 2 ∫₀^∞ C(t) dt, in (units of f)²·s.
 *
 * <p>Diagnostics: {@link #relativeResidual()} = ‖L x + δ‖₁ / ‖δ‖₁ of the group-inverse solve, the solver whose
 * factorization was reused, and the wall time of the noise step alone.
 */
public final class ZeroFrequencyNoise {

    private final String observable;
    private final double mean;
    private final double variance;
    private final double zeroFrequency;
    private final double relativeResidual;
    private final String solver;
    private final double seconds;

    ZeroFrequencyNoise(String observable, double mean, double variance, double zeroFrequency,
                       double relativeResidual, String solver, double seconds) {
        this.observable = observable;
        this.mean = mean;
        this.variance = variance;
        this.zeroFrequency = zeroFrequency;
        this.relativeResidual = relativeResidual;
        this.solver = solver;
        this.seconds = seconds;
    }

    /** {@return name of the observable} */
    public String observable() {
        return observable;
    }

    /** {@return ⟨f⟩ in the stationary state} */
    public double mean() {
        return mean;
    }

    /** {@return var f = ⟨⟨f²⟩⟩ = C(0)} */
    public double variance() {
        return variance;
    }

    /** {@return S_f(0) = 2 ∫₀^∞ C(t) dt (two-sided), in (units of f)²·s} */
    public double zeroFrequency() {
        return zeroFrequency;
    }

    /**
     * {@return the integral correlation time τ = ∫₀^∞ C(t) dt / C(0) = S_f(0) / (2 Var f), in s (for a single
     * Lorentzian, its relaxation time)} NaN when Var f = 0.
     */
    public double correlationTime() {
        return variance == 0.0 ? Double.NaN : zeroFrequency / (2.0 * variance);
    }

    /** {@return one-sided S_f(0) as a spectrum analyser reads it: 2 × the two-sided value} */
    public double oneSidedZeroFrequency() {
        return 2.0 * zeroFrequency;
    }

    /** {@return ‖L x + δ‖₁ / ‖δ‖₁ of the group-inverse solve (≈ machine precision times the factorization's growth)} */
    public double relativeResidual() {
        return relativeResidual;
    }

    /** {@return the stationary solver whose factorization was reused} */
    public String solver() {
        return solver;
    }

    /** {@return wall time of the noise solve (factorization excluded), in s} */
    public double seconds() {
        return seconds;
    }

    @Override
    public String toString() {
        return "S_" + observable + "(0)=" + zeroFrequency + " (two-sided), Var=" + variance + ", tau="
                + correlationTime() + " s, residual=" + relativeResidual + ", solver=" + solver;
    }
}
