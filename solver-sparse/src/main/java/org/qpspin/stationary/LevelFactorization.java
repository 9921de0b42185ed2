package org.qpspin.stationary;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;

/**
 * A level-structured GTH factorization of L pinned at the most probable state, for group-inverse solves.
 *
 * <p>Elimination order (each step the GTH censoring of {@link LevelElimination}: s_k = censored exit rate of k
 * to the states still present, q[i][j] += q[i][k] q[k][j] / s_k):
 * <ol>
 *   <li>A, downwards: the levels Nmax … K*+1, K* the level of the most probable state (blocks as in
 *       {@link LevelElimination}: rows = levels K−1, K, columns = levels K−D … K);</li>
 *   <li>B, upwards: the levels 0 … K*−1, each in ascending index. When level L is the lowest left, its rows
 *       reach only levels L and L+1 (its original rates up, plus fill from below that stays within L), and only
 *       levels L … L+D point into it, so the block has rows = levels L … min(L+D, K*) and columns = levels L,
 *       L+1, and fill lands only in level L+1's columns;</li>
 *   <li>C, the level K* densely: its states above the most probable one downwards, those below it upwards; the
 *       most probable state is the singular last pivot.</li>
 * </ol>
 * In the row convention Q = Lᵀ this is Q = P (U D L′) Pᵀ for that order, U_ik = −q[i][k]/s_k,
 * L′_kj = −q[k][j]/s_k, D = diag(−s_k) with 0 for the last state. L x = b is solved as
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
 * result's scale, and the amplification p_k / p_j is at most 1 towards the peak. (Pinning state 0 instead, as
 * a plain top-down elimination would, gives errors of order ε p_max / p(0, 0): 10³⁶ for TA with N0 = 100.)
 *
 * <p>Memory ≈ 4 w doubles per state (w the level width); one solve is one pass over them, in place in x, with
 * no allocation. The factorization is read-only during solves.
 */
final class LevelFactorization implements StationaryFactorization {

    private final StationaryResult stationary;
    private final LevelElimination above;
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
    private final double[] row;

    LevelFactorization(Generator generator, StationaryResult stationary) {
        this.stationary = stationary;
        double[] p = stationary.probabilitiesView();
        int n = p.length;
        int k0 = 0;
        for (int i = 1; i < n; i++) {
            if (p[i] > p[k0]) {
                k0 = i;
            }
        }
        pin = k0;
        peak = generator.space().levelOf(pin);
        above = LevelElimination.run(generator, true, peak);
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
        long maxBlock = 0;
        for (int level = 0; level < peak; level++) {
            maxBlock = Math.max(maxBlock, (long) (rowEnd(level) - offset[level]) * (offset[level + 2] - offset[level]));
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (columnLength > Integer.MAX_VALUE - 8 || rowLength > Integer.MAX_VALUE - 8
                || maxBlock > Integer.MAX_VALUE - 8 || 8 * (columnLength + rowLength + 2 * maxBlock) > free) {
            throw new IllegalArgumentException("levels factorization needs " + (columnLength + rowLength)
                    + " doubles for " + generator.space() + ", more than the memory available; use the lu solver "
                    + "or a narrower m window");
        }
        column = new double[(int) columnLength];
        row = new double[(int) rowLength];
        double[] peakRows = eliminateUpwards(generator.matrix());
        eliminatePeak(peakRows);
    }

    /** End (exclusive) of the rows of the upward block whose lowest level is {@code level}. */
    private int rowEnd(int level) {
        return offset[Math.min(level + drop, peak) + 1];
    }

    /** Phase B; returns the censored w × w rates within level K* afterwards. */
    private double[] eliminateUpwards(DMatrixSparseCSC l) {
        if (peak == 0) {
            return new double[1];
        }
        int lo = offset[peak];
        int width = offset[peak + 1] - lo;
        double[] peakSource = above.lowestRows; // level K* rows over columnStart(K*) … offset(K* + 1)
        int sourceStart = above.columnStart(peak);
        int sourceCols = offset[peak + 1] - sourceStart;
        int maxBlock = 0;
        int maxCols = 0;
        for (int level = 0; level < peak; level++) {
            int cols = offset[level + 2] - offset[level];
            maxBlock = Math.max(maxBlock, (rowEnd(level) - offset[level]) * cols);
            maxCols = Math.max(maxCols, cols);
        }
        double[] block = new double[maxBlock];
        double[] previous = new double[maxBlock];
        double[] pivotRow = new double[maxCols];
        int previousRowEnd = 0;
        int previousCols = 0;
        for (int level = 0; level < peak; level++) {
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
            for (int k = base; k < next; k++) {
                int r = k - base; // row and column of k in the block
                int tail = cols - r - 1;
                System.arraycopy(block, r * cols + r + 1, pivotRow, 0, tail);
                double s = 0.0;
                int last = 0;
                for (int j = 0; j < tail; j++) {
                    double q = pivotRow[j];
                    s += q;
                    if (q != 0.0) {
                        last = j + 1;
                    }
                }
                if (!(s > 0.0)) {
                    throw new IllegalArgumentException("chain is reducible: state (N=" + level + ", m="
                            + above.space.mOf(k) + ") cannot reach the most probable state");
                }
                pivot[k] = s;
                int at = columnStart[k];
                for (int i = r + 1; i < rows; i++) {
                    column[at + i - r - 1] = block[i * cols + r];
                }
                System.arraycopy(pivotRow, 0, row, rowStart[k], tail);
                double inv = 1.0 / s;
                for (int i = r + 1; i < rows; i++) {
                    int ri = i * cols + r + 1;
                    double f = block[i * cols + r];
                    if (f != 0.0) {
                        f *= inv;
                        for (int j = 0; j < last; j++) {
                            block[ri + j] += f * pivotRow[j];
                        }
                    }
                }
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
            throw new IllegalArgumentException("chain is reducible: state (N=" + peak + ", m=" + above.space.mOf(k)
                    + ") cannot reach the most probable state");
        }
        pivot[k] = s;
        for (int i = from; i < to; i++) {
            column[columnStart[k] + i - from] = m[i * width + a];
            row[rowStart[k] + i - from] = m[a * width + i];
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

    @Override
    public StationaryResult stationary() {
        return stationary;
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
        double[] p = stationary.probabilitiesView();
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

    @Override
    public String solver() {
        return stationary.solver();
    }
}
