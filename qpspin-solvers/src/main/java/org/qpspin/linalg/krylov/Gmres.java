package org.qpspin.linalg.krylov;

import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;

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

    /** The total of the progress phase: per mille. */
    private static final long PER_MILLE = 1000;

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
        return solve(b, x, tolerance, scale, ProgressListener.NONE, "GMRES");
    }

    /**
     * Solves A x = b from the initial x, in place, reporting its progress as one phase named {@code phase}.
     *
     * <p>The number of steps to convergence is not known in advance, so the phase's total is 1000 (per mille)
     * and its count is the larger of two measures, never going back: the share of the step cap used,
     * iterations / maxIterations, and the share of the decades the residual must fall that it has fallen,
     * ln(r / r₀) / ln(tolerance × scale / r₀), with r₀ = ‖b − A x₀‖₂ and r the last residual seen (the true one at
     * a cycle's start, the rotated estimate |g_k| inside it). The phase ends at its total when the solve returns,
     * converged or at the cap. The iteration is the same, operation for operation, with any listener.
     *
     * @param b         right-hand side (null: 0)
     * @param x         initial guess, overwritten by the last iterate
     * @param tolerance relative tolerance of the stopping rule
     * @param scale     the size the residual is measured against (e.g. a norm of the terms whose balance A x is)
     * @param progress  where to report ({@link ProgressListener#NONE} or null: nowhere)
     * @param phase     the phase's name, in words (e.g. {@code "core solver: GMRES"})
     * @return the iterations, the final residual and whether the tolerance was met ({@code x} holds the iterate)
     */
    public Result solve(double[] b, double[] x, double tolerance, double scale, ProgressListener progress,
                        String phase) {
        WorkCounter counter = WorkCounter.start(progress, phase, PER_MILLE);
        Result result = iterate(b, x, tolerance, scale, counter);
        counter.finish();
        return result;
    }

    private Result iterate(double[] b, double[] x, double tolerance, double scale, WorkCounter counter) {
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
        double initial = Double.NaN;
        long reported = 0;
        while (true) {
            a.apply(x, w);
            double beta = 0.0;
            for (int i = 0; i < n; i++) {
                w[i] = (b == null ? 0.0 : b[i]) - w[i];
                beta += w[i] * w[i];
            }
            beta = Math.sqrt(beta);
            double residual = beta / scale;
            if (Double.isNaN(initial)) {
                initial = beta;
            }
            reported = report(counter, reported, iterations, beta, initial, target);
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
                reported = report(counter, reported, iterations, Math.abs(g[k]), initial, target);
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

    /**
     * Reports max(iterations / maxIterations, ln(r / r₀) / ln(target / r₀)) in per mille when it exceeds what was
     * reported; returns the count reported so far. Nothing at all for {@link WorkCounter#NONE}.
     */
    private long report(WorkCounter counter, long reported, int iterations, double residual, double initial,
                        double target) {
        if (counter == WorkCounter.NONE) {
            return reported;
        }
        double share = maxIterations == 0 ? 1.0 : (double) iterations / maxIterations;
        if (residual <= target) {
            share = 1.0;
        } else if (initial > target && residual < initial) {
            share = Math.max(share, Math.log(residual / initial) / Math.log(target / initial));
        }
        long done = Math.min(PER_MILLE, Math.round(PER_MILLE * share));
        if (done > reported) {
            counter.add(done - reported);
            return done;
        }
        return reported;
    }
}
