package org.qpspin.stationary;

/**
 * What an iterative stationary solve ({@code multigrid}) did and how good its answer is: the numbers a user needs
 * to trust a result that is not exact up to rounding.
 *
 * <p>The error estimates are first order in the final residual r = L p: the exact π = p + δ with L δ = −r,
 * 1ᵀδ = 0, so δ = −L^# r (one more group-inverse solve), and ⟨N⟩ is off by |Σ N δ|, Var N by
 * |Σ (N − ⟨N⟩)² δ|. They measure the algebraic error the iteration left, not the truncation's (which the result's
 * relative omitted flux prices) nor rounding (~1e-16 relative).
 *
 * @param method           the iterative method, e.g. {@code multigrid}
 * @param levels           levels of the multigrid hierarchy, the fine one included (≥ 1)
 * @param cycles           nonlinear cycles (before and after the Krylov iteration), ≥ 0
 * @param krylovIterations GMRES iterations of the stationary solve, ≥ 0
 * @param converged        whether every stopping rule was met (false: the answer is the last iterate, with the
 *                         residual and estimates below)
 * @param relativeResidual ‖L p‖₁ / (2 Σ e_i p_i) of the returned p (dimensionless)
 * @param meanNError       estimated absolute error of ⟨N⟩ (particles)
 * @param varianceNError   estimated absolute error of Var N (particles²)
 */
public record IterativeDiagnostics(String method, int levels, int cycles, int krylovIterations, boolean converged,
                                   double relativeResidual, double meanNError, double varianceNError) {
}
