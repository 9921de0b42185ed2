package org.qpspin.stationary;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;
import org.qpspin.linalg.dense.DenseKernel;

/**
 * A level-structured GTH factorization of L pinned at (or near) the most probable state: the one elimination of
 * the level solver, giving both the stationary vector and group-inverse solves.
 *
 * <p>Elimination order (each step the GTH censoring of {@link LevelElimination}: s_k = censored exit rate of k
 * to the states still present, q[i][j] += q[i][k] q[k][j] / s_k):
 * <ol>
 *   <li>A, downwards: the levels Nmax … K*+1, K* the level of the pinned state (blocks as in
 *       {@link LevelElimination}: rows = levels K−1, K, columns = levels K−D … K);</li>
 *   <li>B, upwards: the levels 0 … K*−1, each in ascending index. When level L is the lowest left, its rows
 *       reach only levels L and L+1 (its original rates up, plus fill from below that stays within L), and only
 *       levels L … L+D point into it, so the block has rows = levels L … min(L+D, K*) and columns = levels L,
 *       L+1, and fill lands only in level L+1's columns;</li>
 *   <li>C, the level K* densely: its states above the pinned one downwards, those below it upwards; the
 *       pinned state is the singular last pivot.</li>
 * </ol>
 * <b>Stationary vector</b> (GTH back substitution from the pinned state): p_pin = 1, then in reverse elimination
 * order (C, B downwards from K*−1, A upwards from K*+1) p_k = Σ_i q[i][k] p_i / s_k over the kept column. Only
 * sums of non-negative terms, products and quotients occur, so every probability keeps a small relative error
 * wherever the pin is. Each level carries a power-of-two exponent: a level is computed on the largest exponent
 * of the levels its kept columns read (each level's partial sum scaled by 2^(e_source − e)), rescaled by 2⁻⁶⁰⁰
 * whenever a value exceeds 2⁶⁰⁰, and normalized to a maximum in [1, 2) when done; at the end every level is put
 * on the largest exponent, so ratios beyond the double range neither overflow nor lose accuracy.
 *
 * <p><b>Group-inverse solves.</b> In the row convention Q = Lᵀ the elimination is Q = P (U D L′) Pᵀ for that
 * order, U_ik = −q[i][k]/s_k, L′_kj = −q[k][j]/s_k, D = diag(−s_k) with 0 for the last state. L x = b is solved as
 * <ol>
 *   <li>forward, in elimination order: y_j += (y_k / s_k) q[k][j] over the states j still present (the kept row);</li>
 *   <li>the pinned state's y is Σ b = 0 (1ᵀL = 0); its x is set to 0;</li>
 *   <li>backward, in reverse order: x_k = (Σ_i q[i][k] x_i − y_k) / s_k over the kept column;</li>
 *   <li>x −= (Σ x) p (the solutions differ by multiples of p), so Σ x = 0.</li>
 * </ol>
 * Why pin the peak: step 1 accumulates b towards the pinned state, and on the way it forms partial sums of b
 * that cancel to results of order p (e.g. y_j = Σ_{k≥j} b_k for a birth–death chain in downward order); step 3
 * multiplies an error at state j by up to p_k / p_j. With the most probable state last, every partial sum runs
 * over a tail of p (from Nmax down, or from 0 up, towards the peak), where the terms are no larger than the
 * result's scale, and the amplification p_k / p_j is at most 1 towards the peak; with a pin near the peak it is at
 * most p_max / p_pin. (Pinning state 0 instead, as a plain top-down elimination would, gives errors of order
 * ε p_max / p(0, 0): 10³⁶ for TA with N0 = 100.)
 *
 * <p><b>The pin.</b> The peak is not known before solving, so {@link #factorize} pins the state of the space
 * nearest a mean-field estimate of the peak from the rate model's parameters ({@link PinnedState#peakEstimate}), and
 * eliminates once more, pinned at the computed peak, only when a factorization for solves is
 * wanted and p_max / p_pin exceeds {@value #PIN_AMPLIFICATION_LIMIT} (the mean-field point is far from the true
 * peak: a rate model that the mean field does not describe, or tiny chains).
 *
 * <p>One class per phase, over the arrays of {@link LevelFactors}: A {@link LevelElimination}, B
 * {@link UpwardElimination}, C {@link PeakElimination}, the stationary vector {@link ScaledBackSubstitution}, the
 * solves {@link LevelGroupInverse}; this class orders them and chooses the pin.
 *
 * <p>Memory ≈ 4 w doubles per state with the rows kept (w the level width), ≈ 2 w without; one solve is one pass
 * over them, in place in x, with no allocation. The factorization is read-only during solves.
 */
final class LevelFactorization extends KeptFactorization {

    /** A factorization pinned where p_max / p_pin exceeds this is redone pinned at the computed peak. */
    static final double PIN_AMPLIFICATION_LIMIT = 16.0;
    /**
     * Phases A and B run on two threads when both sides hold at least this many states (at 10⁴ states of width 32,
     * i.e. ≈ 3 000 on the smaller side, the two threads were still no slower). Mutable only so that a test can
     * force either path.
     */
    static int parallelStates = 2000;

    private final LevelFactors kept;
    private final LevelGroupInverse solves;

    /**
     * Factorizes {@code generator} pinned at the mean-field state, once more at the computed peak if the
     * mean-field state is far from it and {@code keepRows}.
     *
     * @param keepRows keep the rows q[k][·] for {@link #solveGroupInverse} (else only the stationary vector)
     * @param solverName the solver named in the stationary result
     * @throws IllegalArgumentException for a reducible chain, a jump of more than one level upwards, or data that
     *                                  do not fit in memory
     */
    static LevelFactorization factorize(Generator generator, boolean keepRows, String solverName) {
        return factorize(generator, keepRows, solverName, ProgressListener.NONE);
    }

    /**
     * As {@link #factorize(Generator, boolean, String)}, reporting each elimination to {@code progress} as a phase
     * {@code "levels elimination"} counted in Σ_K w_K³ (w_K the width of level K, the cost model of the level
     * solver), each level's w³ added when it is eliminated.
     */
    static LevelFactorization factorize(Generator generator, boolean keepRows, String solverName,
                                        ProgressListener progress) {
        long start = System.nanoTime();
        DenseKernel.prepareFor(generator.size());
        LevelFactorization f = new LevelFactorization(generator,
                PinnedState.peakEstimate(generator.space(), generator.rateModel().parameters()), keepRows, solverName,
                start, progress);
        if (keepRows) {
            double[] p = f.stationary().probabilitiesView();
            int top = mostProbable(p);
            if (p[top] > PIN_AMPLIFICATION_LIMIT * p[f.pin()]) {
                f = null; // the first factorization may be collected while the second is built
                f = new LevelFactorization(generator, top, true, solverName, start, progress);
            }
        }
        return f;
    }

    private static int mostProbable(double[] p) {
        int top = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[top]) {
                top = i;
            }
        }
        return top;
    }

    /**
     * Eliminates pinned at state {@code pin} and back-substitutes the stationary vector.
     *
     * @param startNanos {@link System#nanoTime()} when the solve began (the result reports the time since)
     */
    LevelFactorization(Generator generator, int pin, boolean keepRows, String solverName, long startNanos) {
        this(generator, pin, keepRows, solverName, startNanos, ProgressListener.NONE);
    }

    /** As the constructor above, reporting the eliminations to {@code progress} (see {@link #factorize}). */
    LevelFactorization(Generator generator, int pin, boolean keepRows, String solverName, long startNanos,
                       ProgressListener progress) {
        kept = new LevelFactors(generator, pin, keepRows);
        solves = new LevelGroupInverse(kept);
        DMatrixSparseCSC l = generator.matrix();
        int n = kept.space.size();
        int peak = kept.peak;
        long work = 0;
        for (int level = 0; level <= kept.space.maxN(); level++) {
            work += LevelElimination.work(kept.offset[level + 1] - kept.offset[level]);
        }
        WorkCounter counter = WorkCounter.start(progress, "levels elimination", work);
        UpwardElimination.PhaseA phaseA = new UpwardElimination.PhaseA(kept.above, l,
                n - kept.offset[peak + 1] >= parallelStates && kept.offset[peak] >= parallelStates, counter);
        double[] peakRows;
        try {
            peakRows = new UpwardElimination(kept).eliminateUpwards(l, phaseA, counter);
        } catch (RuntimeException e) {
            phaseA.await(); // A's error first, as in the sequential order
            throw e;
        }
        phaseA.await();
        new PeakElimination(kept).eliminatePeak(peakRows);
        counter.finish();
        double[] p = new ScaledBackSubstitution(kept).backSubstitute();
        for (double value : p) {
            if (value == 0.0) { // unreachable from the pin, or only below the double range: find out which
                PinnedState.requireReachableFrom(generator, pin);
                break;
            }
        }
        keep(StationaryResult.of(generator, p, solverName, (System.nanoTime() - startNanos) * 1e-9));
    }

    /** The pinned state (last pivot). */
    int pin() {
        return kept.pin;
    }

    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        solves.solve(b, x, stationary().probabilitiesView());
    }
}
