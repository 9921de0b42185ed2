package org.qpspin.linalg.krylov;

/**
 * A linear map y = A x on vectors of one length, known only by its action (Hipparchus' RealLinearOperator, reduced
 * to what the Krylov methods here call): a sparse product, a preconditioner sweep, a solve with a kept
 * factorization.
 */
@FunctionalInterface
public interface LinearOperator {

    /**
     * y ← A x.
     *
     * @param x the vector to map (not modified)
     * @param y the result, same length (overwritten; may not alias x)
     */
    void apply(double[] x, double[] y);
}
