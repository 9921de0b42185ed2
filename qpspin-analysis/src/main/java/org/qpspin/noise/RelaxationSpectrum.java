package org.qpspin.noise;

/**
 * The slowest nonzero eigenvalues λ_k = −γ_k + iν_k of the generator L, by shift-invert Arnoldi (ARPACK)
 * on the group inverse, with their diagnostics: the relative residuals ‖L v − λ v‖₂ / (|λ| ‖v‖₂) of the Ritz
 * pairs, ARPACK's iteration and operator-application counts, the implementation (native or pure Java) and the
 * wall time.
 */
public final class RelaxationSpectrum {

    private final double[] rates;
    private final double[] frequencies;
    private final double[] residuals;
    private final int iterations;
    private final int operatorApplications;
    private final String implementation;
    private final double seconds;

    RelaxationSpectrum(double[] rates, double[] frequencies, double[] residuals, int iterations,
                       int operatorApplications, String implementation, double seconds) {
        this.rates = rates;
        this.frequencies = frequencies;
        this.residuals = residuals;
        this.iterations = iterations;
        this.operatorApplications = operatorApplications;
        this.implementation = implementation;
        this.seconds = seconds;
    }

    /** {@return number of converged eigenvalues} */
    public int count() {
        return rates.length;
    }

    /** {@return γ_k = −Re λ_k in s⁻¹, ascending (copy)} */
    public double[] rates() {
        return rates.clone();
    }

    /** {@return ν_k = Im λ_k in rad/s (copy)} */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** {@return ‖L v − λ v‖₂ / (|λ| ‖v‖₂) per eigenvalue (copy)} */
    public double[] residuals() {
        return residuals.clone();
    }

    /** {@return the slowest relaxation time 1/γ₁ in s (NaN if none converged)} */
    public double slowestTime() {
        return rates.length == 0 ? Double.NaN : 1.0 / rates[0];
    }

    /** {@return the spectral gap ratio γ₂/γ₁ (NaN with fewer than two eigenvalues)} */
    public double gapRatio() {
        return rates.length < 2 ? Double.NaN : rates[1] / rates[0];
    }

    /** {@return ARPACK restart iterations} */
    public int iterations() {
        return iterations;
    }

    /** {@return applications of L^# (solves with the stationary factorization)} */
    public int operatorApplications() {
        return operatorApplications;
    }

    /** {@return the ARPACK implementation used (e.g. the pure-Java F2J fallback)} */
    public String implementation() {
        return implementation;
    }

    /** {@return wall time in s (stationary factorization excluded)} */
    public double seconds() {
        return seconds;
    }
}
