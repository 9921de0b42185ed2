package org.qpspin.stationary;

/**
 * A factorization of a generator L kept after the stationary solve, for further solves with the same L
 * (noise: S_N(0) by the group inverse, and any observable).
 *
 * <p>Implementations are not thread-safe (they may reuse internal workspaces).
 */
public interface StationaryFactorization {

    /** {@return the stationary distribution obtained from this factorization} */
    StationaryResult stationary();

    /**
     * Solves L x = b on the subspace Σ x = 0, i.e. x = L^# b with L^# the group inverse, for a right-hand side
     * with Σ b = 0 (docs/model.md noise convention: S_N(0) = 2 Nᵀ x for b = −(N − ⟨N⟩)∘p).
     *
     * <p>How: with the pinned row k replaced by e_kᵀ, solve for x' with b'_k = 0; because 1ᵀL = 0 and
     * 1ᵀb = 0, row k of L x' = b holds automatically; then x = x' − (Σ x') p.
     *
     * @param b right-hand side, length n, Σ b = 0 (not modified)
     * @param x output, length n (may not alias b)
     * @throws IllegalArgumentException if lengths differ
     */
    void solveGroupInverse(double[] b, double[] x);

    /** {@return name of the solver whose factorization this is} */
    String solver();

    /**
     * {@return what an iterative solve did and how good its answer is (iterations, residual, estimated errors of ⟨N⟩
     * and Var N), or null for a direct factorization, whose answer is exact up to rounding}
     */
    default IterativeDiagnostics iterativeDiagnostics() {
        return null;
    }
}
