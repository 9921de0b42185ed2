package org.qpspin.linalg.krylov;

import org.qpspin.linalg.FixedBlockLoops;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;

/**
 * Right-preconditioned restarted GMRES (Y. Saad, M. H. Schultz, SIAM J. Sci. Stat. Comput. 7, 856 (1986); Saad,
 * "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 9.5) for A x = b: Arnoldi on A M with modified
 * Gram–Schmidt, the least-squares problem by Givens rotations, x += M V_k y at the end of each cycle of at most
 * {@code restart} steps.
 *
 * <p>Stopping rule: ‖b − A x‖₂ ≤ tolerance × scale, checked on the true residual at the start of every cycle (and
 * on the rotated estimate |g_k| inside it, which ends the cycle early), or {@code maxIterations} steps in all; with
 * {@link #stoppingAtStagnation} also when a whole cycle reduced the true residual by less than a given factor while
 * it is within a given multiple of the target (the rounding floor of a residual that cannot reach the tolerance).
 * A singular A is fine when the system is consistent and M maps into the range the iteration needs.
 *
 * <p>Two cores: the vector operations (the orthogonalization's dot products and updates, the residual's norm, the
 * basis' scaling and the update x += M V y) run over blocks of {@link FixedBlockLoops#BLOCK} entries, over the
 * fork-join pool for long vectors, their sums added in block order: the iterates are the same bits with one thread
 * or many (A and M are the caller's, and parallel if they are).
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
    /** A cycle that leaves more than this share of the residual it started from stagnates; 0: never stops so. */
    private final double stagnation;
    /** Stagnation only stops the solve with the residual at most this many times the target. */
    private final double stagnationBelow;

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
        this.stagnation = 0.0;
        this.stagnationBelow = 0.0;
    }

    private Gmres(Gmres g, double stagnation, double stagnationBelow) {
        this.a = g.a;
        this.preconditioner = g.preconditioner;
        this.restart = g.restart;
        this.maxIterations = g.maxIterations;
        this.stagnation = stagnation;
        this.stagnationBelow = stagnationBelow;
    }

    /**
     * {@return this GMRES also stopping (not converged: {@link Result#converged()} false) when a whole cycle of
     * {@code restart} steps left more than {@code factor} of the true residual it started from, with that residual
     * at most {@code below} × tolerance × scale} For a residual norm with a rounding floor above the tolerance (the
     * multigrid solver's weighted norm), so that the steps up to the cap are not spent at the floor.
     *
     * @param factor the share of a cycle's starting residual above which the cycle stagnated, in (0, 1)
     * @param below  how many targets above the tolerance the stagnation rule applies (≥ 1)
     * @throws IllegalArgumentException if factor is not in (0, 1) or below &lt; 1
     */
    public Gmres stoppingAtStagnation(double factor, double below) {
        if (!(factor > 0.0 && factor < 1.0) || !(below >= 1.0)) {
            throw new IllegalArgumentException("need factor in (0, 1) and below >= 1, got " + factor + ", " + below);
        }
        return new Gmres(this, factor, below);
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
        double cycleStart = Double.POSITIVE_INFINITY;
        long reported = 0;
        while (true) {
            a.apply(x, w);
            double beta = Math.sqrt(FixedBlockLoops.sum(n, (from, to) -> {
                double s = 0.0;
                for (int i = from; i < to; i++) {
                    w[i] = (b == null ? 0.0 : b[i]) - w[i];
                    s += w[i] * w[i];
                }
                return s;
            }));
            double residual = beta / scale;
            if (Double.isNaN(initial)) {
                initial = beta;
            }
            reported = report(counter, reported, iterations, beta, initial, target);
            if (beta <= target || iterations >= maxIterations) {
                return new Result(beta <= target, iterations, residual);
            }
            if (stagnation > 0.0 && beta <= stagnationBelow * target && beta > stagnation * cycleStart) {
                return new Result(false, iterations, residual);
            }
            cycleStart = beta;
            if (basis[0] == null) {
                basis[0] = new double[n];
            }
            scale(w, beta, basis[0]);
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
                scale(w, norm, basis[k]);
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
            int used = k;
            FixedBlockLoops.forEach(n, (from, to) -> { // each w_t summed over i = 0 … k − 1 in order
                java.util.Arrays.fill(w, from, to, 0.0);
                for (int i = 0; i < used; i++) {
                    double[] v = basis[i];
                    double yi = y[i];
                    for (int t = from; t < to; t++) {
                        w[t] += yi * v[t];
                    }
                }
            });
            preconditioner.apply(w, z);
            FixedBlockLoops.forEach(n, (from, to) -> {
                for (int t = from; t < to; t++) {
                    x[t] += z[t];
                }
            });
        }
    }

    /** out = w / divisor, element-wise (over the pool for long vectors). */
    private static void scale(double[] w, double divisor, double[] out) {
        FixedBlockLoops.forEach(w.length, (from, to) -> {
            for (int t = from; t < to; t++) {
                out[t] = w[t] / divisor;
            }
        });
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
