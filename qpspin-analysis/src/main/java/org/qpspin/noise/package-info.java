/**
 * Noise: the exact noise spectra, zero-frequency noise and relaxation modes of observables of the stationary
 * chain, by linear algebra on the generator (group inverse, shifted resolvents, shift-invert Arnoldi).
 *
 * <p>Place in the flow: parameters → states → rates → generator → solver → result → <b>noise</b>. It takes a
 * generator and the stationary factorization the solver kept, and reuses it for every solve.
 *
 * <p>Entry points: {@link org.qpspin.noise.NoiseAnalysis} (S_f(0), S_f(ω) on a grid, the slowest relaxation
 * rates), {@link org.qpspin.noise.Observable} (N, the spin, any function of the state),
 * {@link org.qpspin.noise.ZeroFrequencyNoise}, {@link org.qpspin.noise.NoiseSpectrum},
 * {@link org.qpspin.noise.RelaxationSpectrum} (results with their residuals), and
 * {@link org.qpspin.noise.FluxNoiseEstimate} (the flux noise a SQUID would see). All spectra are two-sided:
 * docs/model.md "Noise convention".
 */
package org.qpspin.noise;
