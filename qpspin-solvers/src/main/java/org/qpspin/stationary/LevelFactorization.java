package org.qpspin.stationary;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.dense.DenseKernel;
import org.qpspin.linalg.dense.PanelUpdate;
import org.qpspin.space.StateSpace;

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
 * <p>Memory ≈ 4 w doubles per state with the rows kept (w the level width), ≈ 2 w without; one solve is one pass
 * over them, in place in x, with no allocation. The factorization is read-only during solves.
 */
final class LevelFactorization extends KeptFactorization {

    /** A factorization pinned where p_max / p_pin exceeds this is redone pinned at the computed peak. */
    static final double PIN_AMPLIFICATION_LIMIT = 16.0;
    /** Back substitution rescales a level's partial values by 2^-600 when one exceeds 2^600. */
    private static final double RESCALE_THRESHOLD = 0x1p600;
    private static final int RESCALE_EXPONENT = 600;
    /** Exponent of a level whose values are all 0 (below every other; differences do not overflow an int). */
    private static final int EMPTY = Integer.MIN_VALUE / 4;
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;
    /**
     * Phases A and B run on two threads when both sides hold at least this many states (at 10⁴ states of width 32,
     * i.e. ≈ 3 000 on the smaller side, the two threads were still no slower). Mutable only so that a test can
     * force either path.
     */
    static int parallelStates = 2000;

    private final LevelElimination above;
    private final StateSpace space;
    private final int[] offset;
    private final int drop;
    private final int peak;
    private final int pin;
    /** s_k for every state but the pinned one. */
    private final double[] pivot;
    /** Phases B and C: start of state k's kept column in {@link #column} and row in {@link #row}. */
    private final int[] columnStart;
    private final int[] rowStart;
    private final double[] column;
    /** null when the rows were not kept (stationary vector only). */
    private final double[] row;

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
        long start = System.nanoTime();
        DenseKernel.prepareFor(generator.size());
        LevelFactorization f = new LevelFactorization(generator,
                PinnedState.peakEstimate(generator.space(), generator.rateModel().parameters()), keepRows, solverName,
                start);
        if (keepRows) {
            double[] p = f.stationary().probabilitiesView();
            int top = mostProbable(p);
            if (p[top] > PIN_AMPLIFICATION_LIMIT * p[f.pin]) {
                f = null; // the first factorization may be collected while the second is built
                f = new LevelFactorization(generator, top, true, solverName, start);
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
        this.pin = pin;
        space = generator.space();
        int n = space.size();
        peak = space.levelOf(pin);
        above = LevelElimination.prepare(generator, keepRows, peak);
        offset = above.offset;
        drop = above.drop;
        pivot = above.pivot;
        columnStart = new int[n];
        rowStart = new int[n];
        long columnLength = 0;
        long rowLength = 0;
        for (int level = 0; level < peak; level++) {
            int rowEnd = rowEnd(level);
            int colEnd = offset[level + 2];
            for (int k = offset[level]; k < offset[level + 1]; k++) {
                columnStart[k] = (int) Math.min(columnLength, Integer.MAX_VALUE);
                rowStart[k] = (int) Math.min(rowLength, Integer.MAX_VALUE);
                columnLength += rowEnd - k - 1;
                rowLength += colEnd - k - 1;
            }
        }
        int lo = offset[peak];
        for (int k = lo; k < offset[peak + 1]; k++) {
            columnStart[k] = (int) Math.min(columnLength, Integer.MAX_VALUE);
            rowStart[k] = (int) Math.min(rowLength, Integer.MAX_VALUE);
            int length = k > pin ? k - lo : k < pin ? pin - k : 0;
            columnLength += length;
            rowLength += length;
        }
        if (!keepRows) {
            rowLength = 0;
        }
        long maxBlock = 0;
        for (int level = 0; level < peak; level++) {
            maxBlock = Math.max(maxBlock, (long) (rowEnd(level) - offset[level]) * (offset[level + 2] - offset[level]));
        }
        if (columnLength > Integer.MAX_VALUE - 8 || rowLength > Integer.MAX_VALUE - 8
                || maxBlock > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("levels factorization needs " + Math.max(maxBlock,
                    Math.max(columnLength, rowLength)) + " doubles in one array for " + generator.space()
                    + ", more than a Java array holds; use the lu solver or a narrower m window");
        }
        // the kept columns and rows, two dense blocks of the upward sweep and the vector
        HeapBudget.require(8 * (columnLength + rowLength + 2 * maxBlock + n), "levels factorization",
                "for " + generator.space(), "raise the heap (QPSPIN_JAVA_OPTS=-Xmx...), use the lu solver or a "
                        + "narrower m window");
        column = new double[(int) columnLength];
        row = keepRows ? new double[(int) rowLength] : null;
        DMatrixSparseCSC l = generator.matrix();
        PhaseA phaseA = new PhaseA(above, l, n - offset[peak + 1] >= parallelStates && offset[peak] >= parallelStates);
        double[] peakRows;
        try {
            peakRows = eliminateUpwards(l, phaseA);
        } catch (RuntimeException e) {
            phaseA.await(); // A's error first, as in the sequential order
            throw e;
        }
        phaseA.await();
        eliminatePeak(peakRows);
        double[] p = backSubstitute();
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
        return pin;
    }

    /** End (exclusive) of the rows of the upward block whose lowest level is {@code level}. */
    private int rowEnd(int level) {
        return offset[Math.min(level + drop, peak) + 1];
    }

    /**
     * Phase A on the common fork-join pool while phase B runs in the calling thread (they write disjoint parts of
     * the pivots and their own arrays; B needs A's result only from the block that holds level K*'s rows), or in
     * the calling thread when one side is small. Whichever thread claims it first runs it, so a busy pool only
     * costs the parallelism.
     */
    private static final class PhaseA {
        private final LevelElimination above;
        private final DMatrixSparseCSC l;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Void> async;

        PhaseA(LevelElimination above, DMatrixSparseCSC l, boolean parallel) {
            this.above = above;
            this.l = l;
            async = parallel && PARALLEL ? CompletableFuture.runAsync(this::runIfUnclaimed) : null;
        }

        private void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                above.eliminate(l);
            }
        }

        /** Returns when phase A is done, running it here if nobody has started it; rethrows its error. */
        void await() {
            if (claimed.compareAndSet(false, true)) {
                above.eliminate(l);
            } else if (async != null) {
                try {
                    async.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
    }

    /** Phase B; returns the censored w × w rates within level K* afterwards. */
    private double[] eliminateUpwards(DMatrixSparseCSC l, PhaseA phaseA) {
        if (peak == 0) {
            return new double[1];
        }
        int lo = offset[peak];
        int width = offset[peak + 1] - lo;
        double[] peakSource = null; // level K* rows over columnStart(K*) … offset(K* + 1), once phase A is done
        int sourceStart = above.columnStart(peak);
        int sourceCols = offset[peak + 1] - sourceStart;
        int maxBlock = 0;
        int maxCols = 0;
        int maxRows = 0;
        for (int level = 0; level < peak; level++) {
            int cols = offset[level + 2] - offset[level];
            maxBlock = Math.max(maxBlock, (rowEnd(level) - offset[level]) * cols);
            maxCols = Math.max(maxCols, cols);
            maxRows = Math.max(maxRows, rowEnd(level) - offset[level]);
        }
        double[] block = new double[maxBlock];
        double[] previous = new double[maxBlock];
        int rs = maxCols;
        int ms = maxRows;
        double[] panelRows = new double[PanelUpdate.PANEL * rs];
        double[] mult = new double[PanelUpdate.PANEL * ms];
        int previousRowEnd = 0;
        int previousCols = 0;
        for (int level = 0; level < peak; level++) {
            if (level == Math.max(0, peak - drop)) {
                phaseA.await(); // from here on the blocks hold level K*'s rows, censored by phase A
                peakSource = above.lowestRows;
            }
            int base = offset[level];
            int next = offset[level + 1];
            int rowEnd = rowEnd(level);
            int colEnd = offset[level + 2];
            int rows = rowEnd - base;
            int cols = colEnd - base;
            java.util.Arrays.fill(block, 0, rows * cols, 0.0);
            for (int k = base; k < rowEnd; k++) {
                int r = (k - base) * cols;
                int from = base;
                if (k < previousRowEnd) { // carried: fill (and original rates) in this level's columns
                    int previousBase = offset[level - 1];
                    System.arraycopy(previous, (k - previousBase) * previousCols + base - previousBase, block, r,
                            next - base);
                    from = next;
                }
                if (k >= lo) { // level K*: its rows censored by phase A replace the original ones
                    int source = (k - lo) * sourceCols - sourceStart;
                    for (int j = Math.max(from, sourceStart); j < colEnd; j++) {
                        block[r + j - base] += peakSource[source + j];
                    }
                } else {
                    LevelElimination.addOriginalRates(l, k, r, base, from, colEnd, block);
                }
            }
            // panels of PanelUpdate.PANEL pivots, as in LevelElimination.eliminateLevel (mirrored: ascending,
            // the remaining rows and columns after the pivot); pivot rows and multipliers at their block indices
            for (int k0 = base; k0 < next; k0 += PanelUpdate.PANEL) {
                int nb = Math.min(PanelUpdate.PANEL, next - k0);
                int lastColumn = 0;
                for (int t = 0; t < nb; t++) {
                    int k = k0 + t;
                    int r = k - base; // row and column of k in the block
                    int pr = t * rs;
                    System.arraycopy(block, r * cols + r + 1, panelRows, pr + r + 1, cols - r - 1);
                    for (int u = 0; u < t; u++) {
                        double f = mult[u * ms + r];
                        if (f != 0.0) {
                            for (int j = r + 1, pu = u * rs; j < cols; j++) {
                                panelRows[pr + j] += f * panelRows[pu + j];
                            }
                        }
                    }
                    double s = 0.0;
                    int last = r + 1;
                    for (int j = r + 1; j < cols; j++) {
                        double q = panelRows[pr + j];
                        s += q;
                        if (q != 0.0) {
                            last = j + 1;
                        }
                    }
                    if (!(s > 0.0)) {
                        throw new IllegalArgumentException("chain is reducible: state (N=" + level + ", m="
                                + space.mOf(k) + ") cannot reach the most probable state");
                    }
                    pivot[k] = s;
                    lastColumn = Math.max(lastColumn, last);
                    double inv = 1.0 / s;
                    // its column, with the panel's earlier updates (one pass; not read again from the block)
                    for (int i = r + 1, at = columnStart[k] - r - 1, mt = t * ms; i < rows; i++) {
                        double q = block[i * cols + r];
                        for (int u = 0; u < t; u++) {
                            q += mult[u * ms + i] * panelRows[u * rs + r];
                        }
                        column[at + i] = q;
                        mult[mt + i] = q * inv;
                    }
                    if (row != null) {
                        System.arraycopy(panelRows, pr + r + 1, row, rowStart[k], cols - r - 1);
                    }
                }
                int done = k0 + nb - base; // first row and column after the panel
                PanelUpdate.apply(block, cols, done, rows, done, lastColumn, mult, ms, panelRows, rs, nb);
            }
            double[] swap = previous;
            previous = block;
            block = swap;
            previousRowEnd = rowEnd;
            previousCols = cols;
        }
        // level K*'s rows in the last block (lowest level K*−1): columns of level K*
        int lastBase = offset[peak - 1];
        double[] peakRows = new double[width * width];
        for (int a = 0; a < width; a++) {
            System.arraycopy(previous, (lo + a - lastBase) * previousCols + lo - lastBase, peakRows, a * width, width);
        }
        return peakRows;
    }

    /** Phase C: level K* densely, the states above the pinned one downwards, those below it upwards. */
    private void eliminatePeak(double[] m) {
        int lo = offset[peak];
        int width = offset[peak + 1] - lo;
        int pinned = pin - lo;
        for (int a = width - 1; a > pinned; a--) {
            eliminateInPeak(m, width, a, 0, a);
        }
        for (int a = 0; a < pinned; a++) {
            eliminateInPeak(m, width, a, a + 1, pinned + 1);
        }
    }

    /** Eliminates local state a of level K* with the states [from, to) still present. */
    private void eliminateInPeak(double[] m, int width, int a, int from, int to) {
        int k = offset[peak] + a;
        double s = 0.0;
        for (int j = from; j < to; j++) {
            s += m[a * width + j];
        }
        if (!(s > 0.0)) {
            throw new IllegalArgumentException("chain is reducible: state (N=" + peak + ", m=" + space.mOf(k)
                    + ") cannot reach the most probable state");
        }
        pivot[k] = s;
        for (int i = from; i < to; i++) {
            column[columnStart[k] + i - from] = m[i * width + a];
        }
        if (row != null) {
            System.arraycopy(m, a * width + from, row, rowStart[k], to - from);
        }
        double inv = 1.0 / s;
        for (int i = from; i < to; i++) {
            double f = m[i * width + a];
            if (f != 0.0) {
                f *= inv;
                for (int j = from; j < to; j++) {
                    m[i * width + j] += f * m[a * width + j];
                }
            }
        }
    }

    /**
     * The GTH back substitution from the pinned state (class javadoc), with one power-of-two exponent per level.
     *
     * @return the unnormalized stationary vector (maximum in [1, 2))
     */
    private double[] backSubstitute() {
        int n = pivot.length;
        int maxN = offset.length - 2;
        double[] v = new double[n];
        int[] exponent = new int[maxN + 1];
        java.util.Arrays.fill(exponent, EMPTY);
        // C: the pinned level, p_pin = 1, then the states below the pin downwards, those above it upwards
        int lo = offset[peak];
        int hi = offset[peak + 1];
        exponent[peak] = 0;
        v[pin] = 1.0;
        for (int k = pin - 1; k >= lo; k--) {
            setScaled(v, exponent, k, gatherScaled(column, columnStart[k], k + 1, pin + 1, v, exponent, peak));
        }
        for (int k = pin + 1; k < hi; k++) {
            setScaled(v, exponent, k, gatherScaled(column, columnStart[k], lo, k, v, exponent, peak));
        }
        normalize(v, exponent, peak);
        // B reversed: levels K*−1 … 0, each in descending index, on the largest exponent of the levels they read
        for (int level = peak - 1; level >= 0; level--) {
            int rowEnd = rowEnd(level);
            exponent[level] = largestExponent(exponent, level + 1, space.levelOf(rowEnd - 1));
            for (int k = offset[level + 1] - 1; k >= offset[level]; k--) {
                setScaled(v, exponent, k, gatherScaled(column, columnStart[k], k + 1, rowEnd, v, exponent, level));
            }
            normalize(v, exponent, level);
        }
        // A reversed: levels K*+1 … Nmax, each in ascending index, on the exponent of the level below
        double[] in = above.inColumn;
        for (int level = peak + 1; level <= maxN; level++) {
            int below = offset[level - 1];
            int first = offset[level];
            long at = above.inBase[level];
            exponent[level] = largestExponent(exponent, level - 1, level - 1);
            for (int k = first, end = offset[level + 1]; k < end; k++) {
                long start = at + LevelElimination.segment(k - first, first - below);
                setScaled(v, exponent, k, gatherScaled(in, start, below, k, v, exponent, level));
            }
            normalize(v, exponent, level);
        }
        int largest = EMPTY;
        for (int e : exponent) {
            largest = Math.max(largest, e);
        }
        for (int level = 0; level <= maxN; level++) {
            if (exponent[level] != EMPTY && exponent[level] != largest) {
                int shift = exponent[level] - largest;
                for (int k = offset[level], end = offset[level + 1]; k < end; k++) {
                    v[k] = Math.scalb(v[k], shift);
                }
            }
        }
        return v;
    }

    /** The largest exponent of the non-empty levels from … to (0 if all are empty). */
    private static int largestExponent(int[] exponent, int from, int to) {
        int e = EMPTY;
        for (int level = from; level <= to; level++) {
            e = Math.max(e, exponent[level]);
        }
        return e == EMPTY ? 0 : e;
    }

    /**
     * Σ_i c[at + i − from] v_i over the states i = from … to − 1 (which may span levels), each level's part scaled
     * from its exponent to that of {@code level}, the level being computed.
     */
    private double gatherScaled(double[] c, long at, int from, int to, double[] v, int[] exponent, int level) {
        int e = exponent[level];
        double sum = 0.0;
        int i = from;
        int source = from < to ? space.levelOf(from) : level;
        int shift = (int) (at - from);
        while (i < to) {
            int end = Math.min(to, offset[source + 1]);
            double dot = 0.0;
            for (; i < end; i++) {
                dot += c[shift + i] * v[i];
            }
            if (source == level) {
                sum += dot;
            } else if (exponent[source] != EMPTY) {
                sum += Math.scalb(dot, exponent[source] - e);
            }
            source++;
        }
        return sum;
    }

    /** v_k = sum / s_k, rescaling k's level by 2^-600 (and raising its exponent) when v_k exceeds 2^600. */
    private void setScaled(double[] v, int[] exponent, int k, double sum) {
        double value = sum / pivot[k];
        v[k] = value;
        if (value > RESCALE_THRESHOLD) {
            int level = space.levelOf(k);
            for (int i = offset[level], end = offset[level + 1]; i < end; i++) {
                v[i] *= 0x1p-600;
            }
            exponent[level] += RESCALE_EXPONENT;
        }
    }

    /** Scales a finished level to a maximum in [1, 2), or marks it empty. */
    private void normalize(double[] v, int[] exponent, int level) {
        double max = 0.0;
        for (int k = offset[level], end = offset[level + 1]; k < end; k++) {
            max = Math.max(max, v[k]);
        }
        if (max > 0.0) {
            int shift = Math.getExponent(max);
            for (int k = offset[level], end = offset[level + 1]; k < end; k++) {
                v[k] = Math.scalb(v[k], -shift);
            }
            exponent[level] += shift;
        } else {
            exponent[level] = EMPTY;
        }
    }

    @Override
    public void solveGroupInverse(double[] b, double[] x) {
        int n = pivot.length;
        if (b.length != n || x.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n);
        }
        if (b == x) {
            throw new IllegalArgumentException("x may not alias b");
        }
        if (row == null) {
            throw new IllegalStateException("factorized for the stationary vector only (rows not kept)");
        }
        System.arraycopy(b, 0, x, 0, n);
        int maxN = offset.length - 2;
        int lo = offset[peak];
        int hi = offset[peak + 1];
        // forward, in elimination order: A (down to K*+1), B (up to K*−1), C
        double[] out = above.outRow;
        for (int level = maxN; level > peak; level--) {
            int first = offset[level];
            int colStart = above.columnStart(level);
            int base = first - colStart;
            long at = above.outBase[level];
            for (int k = offset[level + 1] - 1; k >= first; k--) {
                double f = x[k] / pivot[k];
                if (f != 0.0) {
                    int start = (int) (at + LevelElimination.segment(k - first, base));
                    for (int j = 0, c = k - colStart; j < c; j++) {
                        x[colStart + j] += f * out[start + j];
                    }
                }
            }
        }
        for (int level = 0; level < peak; level++) {
            int colEnd = offset[level + 2];
            for (int k = offset[level], end = offset[level + 1]; k < end; k++) {
                scatter(x, k, k + 1, colEnd);
            }
        }
        for (int k = hi - 1; k > pin; k--) {
            scatter(x, k, lo, k);
        }
        for (int k = lo; k < pin; k++) {
            scatter(x, k, k + 1, pin + 1);
        }
        // backward, in reverse order
        x[pin] = 0.0;
        for (int k = pin - 1; k >= lo; k--) {
            gather(x, k, k + 1, pin + 1);
        }
        for (int k = pin + 1; k < hi; k++) {
            gather(x, k, lo, k);
        }
        for (int level = peak - 1; level >= 0; level--) {
            int rowEnd = rowEnd(level);
            for (int k = offset[level + 1] - 1; k >= offset[level]; k--) {
                gather(x, k, k + 1, rowEnd);
            }
        }
        double[] in = above.inColumn;
        for (int level = peak + 1; level <= maxN; level++) {
            int below = offset[level - 1];
            int first = offset[level];
            long at = above.inBase[level];
            for (int k = first, end = offset[level + 1]; k < end; k++) {
                int start = (int) (at + LevelElimination.segment(k - first, first - below));
                double acc = -x[k];
                for (int i = 0, r = k - below; i < r; i++) {
                    acc += in[start + i] * x[below + i];
                }
                x[k] = acc / pivot[k];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        double[] p = stationary().probabilitiesView();
        for (int i = 0; i < n; i++) {
            x[i] -= sum * p[i];
        }
    }

    /** y_j += (y_k / s_k) q[k][j] for the states j = from … to − 1 (phases B and C). */
    private void scatter(double[] x, int k, int from, int to) {
        double f = x[k] / pivot[k];
        if (f != 0.0) {
            double[] r = row;
            for (int j = from, at = rowStart[k] - from; j < to; j++) {
                x[j] += f * r[at + j];
            }
        }
    }

    /** x_k = (Σ_i q[i][k] x_i − y_k) / s_k over the states i = from … to − 1 (phases B and C). */
    private void gather(double[] x, int k, int from, int to) {
        double acc = -x[k];
        double[] c = column;
        for (int i = from, at = columnStart[k] - from; i < to; i++) {
            acc += c[at + i] * x[i];
        }
        x[k] = acc / pivot[k];
    }
}
