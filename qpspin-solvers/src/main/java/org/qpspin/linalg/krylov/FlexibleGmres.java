package org.qpspin.linalg.krylov;

/**
 * Flexible restarted GMRES (FGMRES; Y. Saad, "A flexible inner-outer preconditioned GMRES algorithm", SIAM J. Sci.
 * Comput. 14, 461 (1993); Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 9.6) for A x = b with a
 * right preconditioner that may change from step to step, or be a nonlinear map (a K-cycle, whose inner Krylov
 * coefficients depend on its argument): step k stores z_k = M_k(v_k) beside the Arnoldi vector v_k, so that
 * A Z_m = V_{m+1} H̄_m holds whatever the M_k, and the cycle's update is x += Z_k y with y minimizing
 * ‖β e₁ − H̄_k y‖₂ (Givens rotations). For a fixed linear M it computes what {@link Gmres} does.
 *
 * <p>Stopping rule as {@link Gmres}: ‖b − A x‖₂ ≤ tolerance × scale, checked on the true residual at the start of
 * every cycle and on the rotated estimate |g_k| inside it, or {@code maxIterations} steps in all.
 *
 * <p>Memory per solve: 2 restart + 1 vectors of length n and one work vector (restart − 1 more than {@link Gmres}).
 * Not thread-safe (one solve at a time).
 */
public final class FlexibleGmres {

    private final LinearOperator a;
    private final LinearOperator preconditioner;
    private final int restart;
    private final int maxIterations;

    /**
     * @param a              A
     * @param preconditioner M_k ≈ A⁻¹, applied once per step (right preconditioning; may vary between calls)
     * @param restart        basis vectors per cycle (≥ 1)
     * @param maxIterations  cap on the steps of one solve (≥ 0)
     * @throws IllegalArgumentException if restart &lt; 1 or maxIterations &lt; 0
     */
    public FlexibleGmres(LinearOperator a, LinearOperator preconditioner, int restart, int maxIterations) {
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
     * @param scale     the size the residual is measured against
     * @return the iterations (applications of A and of the preconditioner inside the cycles), the final residual
     *         ‖b − A x‖₂ / scale at the last check and whether the tolerance was met
     */
    public Gmres.Result solve(double[] b, double[] x, double tolerance, double scale) {
        int n = x.length;
        int m = restart;
        double[][] basis = new double[m + 1][];
        double[][] directions = new double[m][];
        double[][] h = new double[m + 1][m];
        double[] cs = new double[m];
        double[] sn = new double[m];
        double[] g = new double[m + 1];
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
            if (beta <= target || iterations >= maxIterations) {
                return new Gmres.Result(beta <= target, iterations, beta / scale);
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
                if (directions[k] == null) {
                    directions[k] = new double[n];
                }
                preconditioner.apply(basis[k], directions[k]);
                a.apply(directions[k], w);
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
            // x += Z y, H y = g
            double[] y = new double[k];
            for (int i = k - 1; i >= 0; i--) {
                double acc = g[i];
                for (int j = i + 1; j < k; j++) {
                    acc -= h[i][j] * y[j];
                }
                y[i] = h[i][i] == 0.0 ? 0.0 : acc / h[i][i];
            }
            for (int i = 0; i < k; i++) {
                double[] z = directions[i];
                double yi = y[i];
                for (int t = 0; t < n; t++) {
                    x[t] += yi * z[t];
                }
            }
        }
    }
}
