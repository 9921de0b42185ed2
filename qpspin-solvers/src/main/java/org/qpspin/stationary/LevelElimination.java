package org.qpspin.stationary;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.dense.PanelUpdate;
import org.qpspin.space.StateSpace;
import org.qpspin.linalg.WorkCounter;

/**
 * Grassmann–Taksar–Heyman censoring of a level-structured chain, level by level from N = Nmax down to a given
 * level (phase A of {@link LevelFactorization}, which back-substitutes the stationary vector from the data kept
 * here), on small dense blocks.
 *
 * <p>Structure used (checked on the generator, not assumed): every transition changes the level N by at most
 * +1 upwards and by at most D downwards (D = 2 for the PRL 2020 rates: injection +1, spin flips 0, annihilation
 * −2). States are numbered level by level, so levels K−D … K form one contiguous index range. Let the rates
 * q[i][j] = rate(i → j) be those of the chain censored on levels 0 … K (levels above K eliminated). By
 * induction, the rows of level K have entries only in levels K−D … K, the rows of level K−1 have their
 * original entries (levels K−1−D … K), and only levels K−1 and K have rates into level K. Eliminating level K
 * therefore touches the dense block with rows = levels K−1, K and columns = levels K−D … K, and leaves fill
 * only in level K−1's rows, within levels K−D … K−1.
 *
 * <p>Within the block, state k of level K (taken with descending index) is censored exactly as in dense GTH:
 * s_k = Σ_{j&lt;k} q[k][j] (a sum of non-negative terms over the remaining states), then
 * q[i][j] += q[i][k] q[k][j] / s_k for the remaining rows i and columns j. Kept per state: s_k, the column
 * q[i][k] over the remaining rows (levels K−1 and K, needed by back substitution) and, for a factorization,
 * the row q[k][j] over the remaining columns (the factors of {@link LevelFactorization}).
 *
 * <p>Cost: Σ_K O(w_K (w_{K−1} + w_K)(w_{K−D} + … + w_K)) flops and Σ_K O(w_K (w_{K−1} + w_K)) doubles kept
 * (about twice that with the row data), w_K the width of level K. References: W. K. Grassmann, M. I. Taksar,
 * D. P. Heyman, Oper. Res. 33, 1107 (1985); W. J. Stewart, "Introduction to the Numerical Solution of Markov
 * Chains" (Princeton, 1994): GTH among the direct methods, block elimination and stochastic complementation.
 */
final class LevelElimination {

    final StateSpace space;
    final int maxN;
    /** Largest downward jump in levels (≥ 1). */
    final int drop;
    /** offset[K] = first index of level K; offset[maxN + 1] = n. */
    final int[] offset;
    /** s_k: total censored rate out of state k to the states remaining when k was eliminated; s_0 = 0. */
    final double[] pivot;
    /** Per state k of level K ≥ 1: q[i][k] for i = offset(K−1) … k−1, at inBase[K] + segment(a, w_{K−1}). */
    final double[] inColumn;
    final long[] inBase;
    /** Per state k of level K ≥ 1: q[k][j] for j = offset(K−D) … k−1, at outBase[K] + segment(a, cBase); or null. */
    final double[] outRow;
    final long[] outBase;
    /** Workspaces of the elimination: the panel's pivot rows and multipliers, and their strides. */
    private double[] panelRows;
    private double[] panelMultipliers;
    private int panelRowStride;
    private int panelMultiplierStride;

    /** Levels above this one are eliminated; 0 for the stationary solve. */
    final int lowest;
    /**
     * The censored rows of level {@link #lowest} after the elimination, over the columns columnStart(lowest) …
     * offset(lowest + 1) − 1 (row-major); null when lowest = 0.
     */
    double[] lowestRows;

    private LevelElimination(StateSpace space, int drop, boolean keepRows, int lowest) {
        this.space = space;
        this.maxN = space.maxN();
        this.drop = drop;
        this.lowest = lowest;
        offset = new int[maxN + 2];
        for (int k = 0; k <= maxN + 1; k++) {
            offset[k] = space.levelOffset(k);
        }
        pivot = new double[space.size()];
        inBase = new long[maxN + 2];
        outBase = new long[maxN + 2];
        long in = 0;
        long out = 0;
        for (int k = lowest + 1; k <= maxN; k++) {
            inBase[k] = in;
            outBase[k] = out;
            long w = width(k);
            in += w * width(k - 1) + w * (w - 1) / 2;
            out += w * (offset[k] - columnStart(k)) + w * (w - 1) / 2;
        }
        inBase[maxN + 1] = in;
        outBase[maxN + 1] = out;
        long doubles = in + (keepRows ? out : 0);
        if (in > Integer.MAX_VALUE - 8 || out > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("levels solver needs " + Math.max(in, out) + " doubles in one array "
                    + "for " + space + ", more than a Java array holds; the levels are too wide, use the lu solver "
                    + "or a narrower m window");
        }
        HeapBudget.require(8 * doubles, "levels solver", "for " + space, "the levels are too wide: raise the heap "
                + "(QPSPIN_JAVA_OPTS=-Xmx...), use the lu solver or a narrower m window");
        inColumn = new double[(int) in];
        outRow = keepRows ? new double[(int) out] : null;
    }

    int width(int level) {
        return offset[level + 1] - offset[level];
    }

    /** First index of the columns of the block where level K is the top level: level max(0, K−D). */
    int columnStart(int level) {
        return offset[Math.max(0, level - drop)];
    }

    /** Start of the data of the a-th state of a level within its level's segment (entries base + a before). */
    static long segment(int a, int base) {
        return (long) a * base + (long) a * (a - 1) / 2;
    }

    /**
     * Censors {@code generator}'s chain level by level, from Nmax down to the level above {@code lowest}.
     *
     * @param keepRows also keep the rows q[k][·] (needed for group-inverse solves)
     * @throws IllegalArgumentException if a transition raises N by more than one level, or a state cannot reach
     *                                  lower states (reducible chain), or the data do not fit in memory
     */
    static LevelElimination run(Generator generator, boolean keepRows, int lowest) {
        LevelElimination e = prepare(generator, keepRows, lowest);
        e.eliminate(generator.matrix());
        return e;
    }

    /**
     * The structure checks and allocations of {@link #run}, without the elimination: {@link #offset}, {@link #drop}
     * and {@link #pivot} are usable (the pivots of the levels above {@code lowest} are written by
     * {@link #eliminate}, which another thread may run meanwhile).
     */
    static LevelElimination prepare(Generator generator, boolean keepRows, int lowest) {
        return new LevelElimination(generator.space(), maximumDrop(generator), keepRows, lowest);
    }

    /** The largest downward level jump (≥ 1), after checking that no transition climbs more than one level. */
    static int maximumDrop(Generator generator) {
        StateSpace space = generator.space();
        DMatrixSparseCSC l = generator.matrix();
        int drop = 1;
        for (int j = 0, n = generator.size(); j < n; j++) {
            int level = space.levelOf(j);
            for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                int i = l.nz_rows[e];
                if (i == j || l.nz_values[e] == 0.0) {
                    continue;
                }
                int to = space.levelOf(i);
                if (to > level + 1) {
                    throw new IllegalArgumentException("levels solver needs transitions that raise N by at most 1; "
                            + "found (N=" + level + ", m=" + space.mOf(j) + ") -> (N=" + to + ", m=" + space.mOf(i)
                            + "); use the lu or gth solver");
                }
                drop = Math.max(drop, level - to);
            }
        }
        return drop;
    }

    /** The elimination of the levels above {@link #lowest} (once, after {@link #prepare}). */
    void eliminate(DMatrixSparseCSC l) {
        eliminate(l, WorkCounter.NONE);
    }

    /** The progress weight of a level of {@code width} states: w³, the level solver's cost model. */
    static long work(long width) {
        return width * width * width;
    }

    /** {@link #eliminate(DMatrixSparseCSC)}, adding each level's {@link #work} to {@code counter} when it is done. */
    void eliminate(DMatrixSparseCSC l, WorkCounter counter) {
        if (maxN == lowest) {
            if (lowest > 0) {
                lowestRows = censoredRows(l, lowest, new double[0], offset[lowest + 1], 0);
            }
            return;
        }
        long maxBlock = 0;
        int maxCols = 0;
        int maxRows = 0;
        for (int k = lowest + 1; k <= maxN; k++) {
            maxRows = Math.max(maxRows, offset[k + 1] - offset[k - 1]);
            int cols = offset[k + 1] - columnStart(k);
            maxBlock = Math.max(maxBlock, (long) (offset[k + 1] - offset[k - 1]) * cols);
            maxCols = Math.max(maxCols, cols);
        }
        if (maxBlock > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("levels solver: a block of " + maxBlock + " doubles is too large for "
                    + space + "; use the lu solver");
        }
        double[] block = new double[(int) maxBlock];
        double[] previous = new double[(int) maxBlock];
        panelRowStride = maxCols;
        panelMultiplierStride = maxRows;
        panelRows = new double[PanelUpdate.PANEL * maxCols];
        panelMultipliers = new double[PanelUpdate.PANEL * maxRows];
        // Level Nmax's rows start empty and take all their original rates, as if carried from a block whose
        // columns began at offset(Nmax + 1).
        int previousColumnStart = offset[maxN + 1];
        int previousCols = 0;
        for (int top = maxN; top > lowest; top--) {
            int rowStart = offset[top - 1];
            int lo = offset[top];
            int hi = offset[top + 1];
            int colStart = columnStart(top);
            int cols = hi - colStart;
            java.util.Arrays.fill(block, 0, (hi - rowStart) * cols, 0.0);
            // level `top`: censored rates carried from the previous block (where its rows came first),
            // plus its original rates into the columns the previous block did not have
            int shift = previousColumnStart - colStart;
            int carriedCols = previousCols == 0 ? 0 : hi - previousColumnStart;
            for (int k = lo; k < hi; k++) {
                int row = (k - rowStart) * cols;
                if (carriedCols > 0) {
                    System.arraycopy(previous, (k - lo) * previousCols, block, row + shift, carriedCols);
                }
                addOriginalRates(l, k, row, colStart, previousColumnStart, block);
            }
            // level top − 1: original rates within the block's columns
            for (int k = rowStart; k < lo; k++) {
                addOriginalRates(l, k, (k - rowStart) * cols, colStart, hi, block);
            }
            eliminateLevel(top, rowStart, lo, hi, colStart, cols, block);
            counter.add(work(hi - lo));
            double[] swap = previous;
            previous = block;
            block = swap;
            previousColumnStart = colStart;
            previousCols = cols;
        }
        if (lowest > 0) {
            lowestRows = censoredRows(l, lowest, previous, previousColumnStart, previousCols);
        }
    }

    /**
     * The rows of {@code level} over columns columnStart(level) … offset(level + 1) − 1: the censored values
     * carried in {@code previous} (its first rows, {@code previousCols} per row, from column
     * {@code previousColumnStart}) plus the original rates below {@code previousColumnStart}.
     */
    private double[] censoredRows(DMatrixSparseCSC l, int level, double[] previous, int previousColumnStart,
                                  int previousCols) {
        int lo = offset[level];
        int hi = offset[level + 1];
        int colStart = columnStart(level);
        int cols = hi - colStart;
        double[] rows = new double[(hi - lo) * cols];
        int carriedCols = previousCols == 0 ? 0 : hi - previousColumnStart;
        for (int k = lo; k < hi; k++) {
            int row = (k - lo) * cols;
            if (carriedCols > 0) {
                System.arraycopy(previous, (k - lo) * previousCols, rows, row + previousColumnStart - colStart,
                        carriedCols);
            }
            addOriginalRates(l, k, row, colStart, previousColumnStart, rows);
        }
        return rows;
    }

    /** Adds the original rates out of state k into columns [from, to) of the block row starting at {@code row}. */
    private static void addOriginalRates(DMatrixSparseCSC l, int k, int row, int from, int to, double[] block) {
        addOriginalRates(l, k, row, from, from, to, block);
    }

    /**
     * Adds the original rates out of state k into the columns [from, to) of the block row starting at
     * {@code row}, whose first column is state {@code origin}.
     */
    static void addOriginalRates(DMatrixSparseCSC l, int k, int row, int origin, int from, int to, double[] block) {
        int[] rows = l.nz_rows;
        double[] values = l.nz_values;
        for (int e = l.col_idx[k], end = l.col_idx[k + 1]; e < end; e++) {
            int i = rows[e];
            if (i >= from && i < to && i != k) {
                block[row + i - origin] += values[e];
            }
        }
    }

    /**
     * GTH-censors the states lo … hi−1 (level {@code top}) in descending order inside the block with rows
     * rowStart … hi−1 and columns colStart … hi−1 (row-major, {@code cols} per row), keeping s_k and the
     * column (and, if wanted, the row) of each state.
     *
     * <p>Blocked by panels of {@link PanelUpdate#PANEL} pivots: within a panel, each pivot's row receives the
     * updates of the panel's earlier pivots (left-looking) before s_k is summed from it, and so does its column
     * over the remaining rows (its multipliers); the rest of the block then gets one rank-b update
     * ({@link PanelUpdate}). Every entry receives the same terms as in the pivot-by-pivot order.
     */
    private void eliminateLevel(int top, int rowStart, int lo, int hi, int colStart, int cols, double[] block) {
        int below = lo - rowStart;
        int base = lo - colStart;
        long inLevel = inBase[top];
        long outLevel = outBase[top];
        double[] in = inColumn;
        double[] out = outRow;
        double[] rows = panelRows;
        double[] mult = panelMultipliers;
        int rs = panelRowStride;
        int ms = panelMultiplierStride;
        for (int kTop = hi - 1; kTop >= lo; kTop -= PanelUpdate.PANEL) {
            int nb = Math.min(PanelUpdate.PANEL, kTop - lo + 1);
            int first = Integer.MAX_VALUE;
            for (int t = 0; t < nb; t++) {
                int k = kTop - t;
                int a = k - lo;
                int r = k - rowStart;
                int c = k - colStart;
                int pr = t * rs;
                // the pivot row, with the updates of the panel's earlier pivots, in its own array (so that the
                // update loops read and write different arrays: the JIT vectorizes them only then)
                System.arraycopy(block, r * cols, rows, pr, c);
                for (int u = 0; u < t; u++) {
                    double f = mult[u * ms + r];
                    if (f != 0.0) {
                        for (int j = 0, pu = u * rs; j < c; j++) {
                            rows[pr + j] += f * rows[pu + j];
                        }
                    }
                }
                double s = 0.0;
                int firstNonZero = c;
                for (int j = c - 1; j >= 0; j--) {
                    double q = rows[pr + j];
                    s += q;
                    if (q != 0.0) {
                        firstNonZero = j;
                    }
                }
                if (!(s > 0.0)) {
                    throw new IllegalArgumentException("chain is reducible: state (N=" + top + ", m=" + space.mOf(k)
                            + ") cannot reach lower states" + (s == 0.0 ? "" : " (censored exit rate " + s + ")"));
                }
                pivot[k] = s;
                first = Math.min(first, firstNonZero);
                int inAt = (int) (inLevel + segment(a, below));
                double inv = 1.0 / s;
                // its column over the remaining rows, with the same updates (in one pass: the column is not read
                // again from the block once k is eliminated)
                for (int i = 0, mt = t * ms; i < r; i++) {
                    double q = block[i * cols + c];
                    for (int u = 0; u < t; u++) {
                        q += mult[u * ms + i] * rows[u * rs + c];
                    }
                    in[inAt + i] = q;
                    mult[mt + i] = q * inv;
                }
                if (out != null) {
                    System.arraycopy(rows, pr, out, (int) (outLevel + segment(a, base)), c);
                }
            }
            int last = kTop - nb + 1;
            PanelUpdate.apply(block, cols, 0, last - rowStart, first, last - colStart, mult, ms, rows, rs, nb);
        }
    }
}
