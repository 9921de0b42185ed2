package org.qpspin.validation;

/**
 * The exact long-run covariance of observables of the stationary chain, V_ij = ∫_{−∞}^{∞} dt ⟨⟨f_i(t) f_j(0)⟩⟩
 * = S_{f_i f_j}(0) (s × the observables' units squared; docs/model.md "Noise convention"), so that the time
 * averages over a stationary trajectory of length T have T Cov(f̄_i, f̄_j) → V_ij. The time-weighted tests
 * ({@link Occupation.Kind#TIME}) take their variances from it. Implemented by
 * {@link org.qpspin.noise.NoiseAnalysis#crossZeroFrequencies} (one group-inverse solve per observable).
 */
@FunctionalInterface
public interface LongRunCovariance {

    /**
     * V for the observables {@code f[i][state]}, given on every state of the exact law's space by index.
     *
     * @param f the observables, one row each
     * @return the symmetric K × K matrix V_ij, K = f.length
     */
    double[][] of(double[][] f);
}
