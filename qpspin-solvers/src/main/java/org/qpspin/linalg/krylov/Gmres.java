package org.qpspin.linalg.krylov;

/**
 * Right-preconditioned restarted GMRES (Y. Saad, M. H. Schultz, SIAM J. Sci. Stat. Comput. 7, 856 (1986); Saad,
 * "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 9.5) for A x = b: Arnoldi on A M with modified
 * Gram–Schmidt, the least-squares problem by Givens rotations, x += M V_k y at the end of each cycle of at most
 * {@code restart} steps.
 *
 * <p>Stopping rule: ‖b − A x‖₂ ≤ tolerance × scale, checked on the true residual at the start of every cycle (and
 * on the rotated estimate |g_k| inside it, which ends the cycle early), or {@code maxIterations} steps in all.
 * A singular A is fine when the system is consistent and M maps into the range the iteration needs.
 *
 * <p>Memory per solve: restart + 1 basis vectors and two work vectors of length n. Not thread-safe (one solve at
 * a time).
 */
public final class Gmres {

    /**
     * The outcome of a solve.
     *
     * @param converged        whether the stopping rule was met
     * @param iterations       steps taken (applications of A M inside the cycles)
     * @param relativeResidual ‖b − A x‖₂ / scale at the last check
     */
    public record Result(boolean converged, int iterations, double relativeResidual) {
    }

    private final LinearOperator a;
    private final LinearOperator preconditioner;
    private final int restart;
    private final int maxIterations;

    /**
     * @param a              A
     * @param preconditioner M ≈ A⁻¹ (right preconditioning: the iteration works on A M)
     * @param restart        basis vectors per cycle (≥ 1)
     * @param maxIterations  cap on the steps of one solve (≥ 0)
     */
    public Gmres(LinearOperator a, LinearOperator preconditioner, int restart, int maxIterations) {
        if (restart < 1 || maxIterations < 0) {
            throw new IllegalArgumentException("need restart >= 1 and maxIterations >= 0, got " + restart + ", "
                    + maxIterations);
        }
        this.a = a;
        this.preconditioner = preconditioner;
        this.restart = restart;
        this.maxIterations = maxIterations;
    }

    /**
     * Solves A x = b from the initial x, in place.
     *
     * @param b         right-hand side (null: 0)
     * @param x         initial guess, overwritten by the last iterate
     * @param tolerance relative tolerance of the stopping rule
     * @param scale     the size the residual is measured against (e.g. a norm of the terms whose balance A x is)
     * @return the iterations, the final residual and whether the tolerance was met ({@code x} holds the iterate)
     */
    public Result solve(double[] b, double[] x, double tolerance, double scale) {
        int n = x.length;
        int m = restart;
        double[][] basis = new double[m + 1][];
        double[][] h = new double[m + 1][m];
        double[] cs = new double[m];
        double[] sn = new double[m];
        double[] g = new double[m + 1];
        double[] z = new double[n];
        double[] w = new double[n];
        double target = tolerance * scale;
        int iterations = 0;
        while (true) {
            a.apply(x, w);
            double beta = 0.0;
            for (int i = 0; i < n; i++) {
                w[i] = (b == null ? 0.0 : b[i]) - w[i];
                beta += w[i] * w[i];
            }
            beta = Math.sqrt(beta);
            double residual = beta / scale;
            if (beta <= target || iterations >= maxIterations) {
                return new Result(beta <= target, iterations, residual);
            }
            if (basis[0] == null) {
                basis[0] = new double[n];
            }
            for (int i = 0; i < n; i++) {
                basis[0][i] = w[i] / beta;
            }
            java.util.Arrays.fill(g, 0.0);
            g[0] = beta;
            int k = 0;
            while (k < m && iterations < maxIterations) {
                iterations++;
                preconditioner.apply(basis[k], z);
                a.apply(z, w);
                double norm = Orthogonalization.orthogonalize(basis, k + 1, w, h, k, 1);
                h[k + 1][k] = norm;
                for (int i = 0; i < k; i++) { // earlier Givens rotations
                    double hi = h[i][k];
                    h[i][k] = cs[i] * hi + sn[i] * h[i + 1][k];
                    h[i + 1][k] = -sn[i] * hi + cs[i] * h[i + 1][k];
                }
                double r = Math.hypot(h[k][k], h[k + 1][k]);
                cs[k] = r == 0.0 ? 1.0 : h[k][k] / r;
                sn[k] = r == 0.0 ? 0.0 : h[k + 1][k] / r;
                h[k][k] = r;
                h[k + 1][k] = 0.0;
                g[k + 1] = -sn[k] * g[k];
                g[k] = cs[k] * g[k];
                k++;
                if (Math.abs(g[k]) <= target || norm == 0.0) {
                    break;
                }
                if (basis[k] == null) {
                    basis[k] = new double[n];
                }
                double[] next = basis[k];
                for (int t = 0; t < n; t++) {
                    next[t] = w[t] / norm;
                }
            }
            // x += M (V y), H y = g
            double[] y = new double[k];
            for (int i = k - 1; i >= 0; i--) {
                double acc = g[i];
                for (int j = i + 1; j < k; j++) {
                    acc -= h[i][j] * y[j];
                }
                y[i] = acc / h[i][i];
            }
            java.util.Arrays.fill(w, 0.0);
            for (int i = 0; i < k; i++) {
                double[] v = basis[i];
                for (int t = 0; t < n; t++) {
                    w[t] += y[i] * v[t];
                }
            }
            preconditioner.apply(w, z);
            for (int t = 0; t < n; t++) {
                x[t] += z[t];
            }
        }
    }
}
