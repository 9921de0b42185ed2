package org.qpspin.stationary;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.linalg.WorkCounter;
import org.qpspin.linalg.dense.PanelUpdate;

/**
 * Phase B of the level factorization ({@link LevelFactorization}): the levels 0 … K*−1 upwards, on dense blocks
 * (rows = levels L … min(L+D, K*), columns = levels L, L+1), with phase A ({@link LevelElimination}, levels
 * Nmax … K*+1 downwards) on another thread when both sides are large ({@link PhaseA}).
 */
final class UpwardElimination {

    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    private final LevelFactors kept;

    UpwardElimination(LevelFactors kept) {
        this.kept = kept;
    }

    /**
     * Phase A on the common fork-join pool while phase B runs in the calling thread (they write disjoint parts of
     * the pivots and their own arrays; B needs A's result only from the block that holds level K*'s rows), or in
     * the calling thread when one side is small. Whichever thread claims it first runs it, so a busy pool only
     * costs the parallelism.
     */
    static final class PhaseA {
        private final LevelElimination above;
        private final DMatrixSparseCSC l;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Void> async;
        private final WorkCounter counter;

        PhaseA(LevelElimination above, DMatrixSparseCSC l, boolean parallel, WorkCounter counter) {
            this.above = above;
            this.l = l;
            this.counter = counter;
            async = parallel && PARALLEL ? CompletableFuture.runAsync(this::runIfUnclaimed) : null;
        }

        private void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                above.eliminate(l, counter);
            }
        }

        /** Returns when phase A is done, running it here if nobody has started it; rethrows its error. */
        void await() {
            if (claimed.compareAndSet(false, true)) {
                above.eliminate(l, counter);
            } else if (async != null) {
                try {
                    async.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
    }

    /**
     * Phase B; returns the censored w × w rates within level K* afterwards. Adds each level's
     * {@link LevelElimination#work} to {@code counter} when it is done.
     */
    double[] eliminateUpwards(DMatrixSparseCSC l, PhaseA phaseA, WorkCounter counter) {
        if (kept.peak == 0) {
            return new double[1];
        }
        int lo = kept.offset[kept.peak];
        int width = kept.offset[kept.peak + 1] - lo;
        double[] peakSource = null; // level K* rows over columnStart(K*) … offset(K* + 1), once phase A is done
        int sourceStart = kept.above.columnStart(kept.peak);
        int sourceCols = kept.offset[kept.peak + 1] - sourceStart;
        int maxBlock = 0;
        int maxCols = 0;
        int maxRows = 0;
        for (int level = 0; level < kept.peak; level++) {
            int cols = kept.offset[level + 2] - kept.offset[level];
            maxBlock = Math.max(maxBlock, (kept.rowEnd(level) - kept.offset[level]) * cols);
            maxCols = Math.max(maxCols, cols);
            maxRows = Math.max(maxRows, kept.rowEnd(level) - kept.offset[level]);
        }
        double[] block = new double[maxBlock];
        double[] previous = new double[maxBlock];
        int rs = maxCols;
        int ms = maxRows;
        double[] panelRows = new double[PanelUpdate.PANEL * rs];
        double[] mult = new double[PanelUpdate.PANEL * ms];
        int previousRowEnd = 0;
        int previousCols = 0;
        for (int level = 0; level < kept.peak; level++) {
            if (level == Math.max(0, kept.peak - kept.drop)) {
                phaseA.await(); // from here on the blocks hold level K*'s rows, censored by phase A
                peakSource = kept.above.lowestRows;
            }
            int base = kept.offset[level];
            int next = kept.offset[level + 1];
            int rowEnd = kept.rowEnd(level);
            int colEnd = kept.offset[level + 2];
            int rows = rowEnd - base;
            int cols = colEnd - base;
            java.util.Arrays.fill(block, 0, rows * cols, 0.0);
            for (int k = base; k < rowEnd; k++) {
                int r = (k - base) * cols;
                int from = base;
                if (k < previousRowEnd) { // carried: fill (and original rates) in this level's columns
                    int previousBase = kept.offset[level - 1];
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
                                + kept.space.mOf(k) + ") cannot reach the most probable state");
                    }
                    kept.pivot[k] = s;
                    lastColumn = Math.max(lastColumn, last);
                    double inv = 1.0 / s;
                    // its column, with the panel's earlier updates (one pass; not read again from the block)
                    for (int i = r + 1, at = kept.columnStart[k] - r - 1, mt = t * ms; i < rows; i++) {
                        double q = block[i * cols + r];
                        for (int u = 0; u < t; u++) {
                            q += mult[u * ms + i] * panelRows[u * rs + r];
                        }
                        kept.column[at + i] = q;
                        mult[mt + i] = q * inv;
                    }
                    if (kept.row != null) {
                        System.arraycopy(panelRows, pr + r + 1, kept.row, kept.rowStart[k], cols - r - 1);
                    }
                }
                int done = k0 + nb - base; // first row and column after the panel
                PanelUpdate.apply(block, cols, done, rows, done, lastColumn, mult, ms, panelRows, rs, nb);
            }
            counter.add(LevelElimination.work(next - base));
            double[] swap = previous;
            previous = block;
            block = swap;
            previousRowEnd = rowEnd;
            previousCols = cols;
        }
        // level K*'s rows in the last block (lowest level K*−1): columns of level K*
        int lastBase = kept.offset[kept.peak - 1];
        double[] peakRows = new double[width * width];
        for (int a = 0; a < width; a++) {
            System.arraycopy(previous, (lo + a - lastBase) * previousCols + lo - lastBase, peakRows, a * width, width);
        }
        return peakRows;
    }
}
