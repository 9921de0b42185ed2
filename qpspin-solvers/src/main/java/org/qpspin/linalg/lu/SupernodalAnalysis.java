package org.qpspin.linalg.lu;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.sparse.EliminationTree;
import org.qpspin.linalg.sparse.Permutations;

/**
 * The symbolic phase of the supernodal multifrontal LU ({@link MultifrontalGth}): everything that depends on the
 * pattern and the order only, computed before any number is touched (CSparse's cs_sqr / CHOLMOD's analyze).
 *
 * <p>Steps, on the pattern of B + Bᵀ with B = P A Pᵀ:
 * <ol>
 *   <li>permutation: B's pattern by columns and by rows (the two neighbour lists of B + Bᵀ);</li>
 *   <li>elimination tree and column counts ({@link EliminationTree}: Liu, path compression, row subtrees);</li>
 *   <li>supernodes: chains j → parent(j) = j+1 of the tree, fundamental (count(j) = count(j+1) + 1) or small and
 *       nearly so (at most {@value #RELAX_COLUMNS} columns, {@value #RELAX_EXTRA_ROWS} extra rows: relaxed),
 *       and the supernodal tree (children lists);</li>
 *   <li>front rows F(s) = s ∪ struct(s), struct(s) the union of the off-supernode neighbours of its columns and
 *       of its children's structs (Duff &amp; Reid, ACM TOMS 9, 302 (1983); Liu, SIAM Review 34, 82 (1992));</li>
 *   <li>schedule ({@link #branches}): two subtrees factorized at the same time when the work and the heap allow;</li>
 *   <li>memory plan ({@link #plannedBytes}): the kept panels, the dense front(s) and the largest stack of update
 *       matrices, before any is allocated, so that a chain too large for the heap is refused in one line.</li>
 * </ol>
 */
public final class SupernodalAnalysis {

    /** Supernodes of at most this many columns may absorb a child whose structure differs by a few rows. */
    static final int RELAX_COLUMNS = 16;
    static final int RELAX_EXTRA_ROWS = 8;
    /**
     * Smallest total work (Σ over supernodes of f² ns, the dense operations) for which two subtrees of the
     * elimination tree are factorized at the same time; public and mutable only so that tests can force it.
     */
    public static double concurrentWork = 2e8;
    /** The two branches run at the same time only if their plan needs at most this share of the free heap. */
    private static final double CONCURRENT_HEAP_SHARE = 0.75;
    static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    final int n;
    final int[] order;
    final int[] position;
    /** B's pattern by columns (colPtr, colRow) and by rows (rowPtr, rowCol). */
    final int[] colPtr;
    final int[] colRow;
    final int[] rowPtr;
    final int[] rowCol;
    final EliminationTree tree;
    final int[] colCount;
    final int[] superStart;
    final int[] superParent;
    final int[] childPtr;
    final int[] children;
    final int[][] frontRows;
    final int maxFront;
    /** Per supernode: 0 or 1 for the two concurrent branches, −1 for the rest. */
    final int[] branch;
    final long plannedBytes;
    final int secondFront;

    private SupernodalAnalysis(DMatrixSparseCSC a, int[] order) {
        n = a.numCols;
        if (!Permutations.isPermutation(order, n)) {
            throw new IllegalArgumentException("order is not a permutation of " + n + " states");
        }
        this.order = order;
        position = Permutations.inverse(order);

        // B = P A Pᵀ by columns and by rows
        int nnz = a.col_idx[n];
        colPtr = new int[n + 1];
        colRow = new int[nnz];
        rowPtr = new int[n + 1];
        rowCol = new int[nnz];
        for (int c = 0; c < n; c++) {
            int j = order[c];
            colPtr[c + 1] = colPtr[c] + a.col_idx[j + 1] - a.col_idx[j];
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++) {
                rowPtr[position[a.nz_rows[e]] + 1]++;
            }
        }
        for (int r = 0; r < n; r++) {
            rowPtr[r + 1] += rowPtr[r];
        }
        scatter(a, colRow, rowCol, null, null);

        // elimination tree of B + Bᵀ and the column counts of its factor: neighbours i < c from column c and row c
        EliminationTree.Neighbours columns = new EliminationTree.Neighbours(colPtr, colRow);
        EliminationTree.Neighbours rows = new EliminationTree.Neighbours(rowPtr, rowCol);
        tree = EliminationTree.of(n, columns, rows);
        colCount = tree.columnCounts(columns, rows);
        int[] parent = tree.parentsView();

        // supernodes: chains j -> j+1 of the tree; fundamental (same structure) or small and nearly so
        int[] startList = new int[n + 1];
        int supernodes = 0;
        startList[supernodes++] = 0;
        for (int j = 0; j + 1 < n; j++) {
            int size = j + 1 - startList[supernodes - 1];
            boolean chain = parent[j] == j + 1;
            boolean fundamental = chain && colCount[j] == colCount[j + 1] + 1;
            boolean relaxed = chain && size < RELAX_COLUMNS && colCount[j] <= colCount[j + 1] + 1 + RELAX_EXTRA_ROWS;
            if (!(fundamental || relaxed)) {
                startList[supernodes++] = j + 1;
            }
        }
        superStart = Arrays.copyOf(startList, supernodes + 1);
        superStart[supernodes] = n;
        int[] superOf = new int[n];
        for (int s = 0; s < supernodes; s++) {
            Arrays.fill(superOf, superStart[s], superStart[s + 1], s);
        }
        // children lists (CSR) of the supernodal tree
        childPtr = new int[supernodes + 1];
        superParent = new int[supernodes];
        for (int s = 0; s < supernodes; s++) {
            int top = parent[superStart[s + 1] - 1];
            superParent[s] = top < 0 ? -1 : superOf[top];
            if (top >= 0) {
                childPtr[superParent[s] + 1]++;
            }
        }
        for (int s = 0; s < supernodes; s++) {
            childPtr[s + 1] += childPtr[s];
        }
        children = new int[Math.max(0, childPtr[supernodes])];
        int[] childFill = Arrays.copyOf(childPtr, supernodes);
        for (int s = 0; s < supernodes; s++) {
            if (superParent[s] >= 0) {
                children[childFill[superParent[s]]++] = s;
            }
        }
        frontRows = assembleFrontRows(supernodes);
        int largest = 0;
        for (int[] f : frontRows) {
            largest = Math.max(largest, f.length);
        }
        maxFront = largest;

        // memory, before any is allocated; two branches at once only with room to spare for what follows the
        // factorization (the core solver's tail and Krylov vectors, the noise solves), else one after the other
        branch = branches(supernodes);
        long[] plan = memoryPlan(branch);
        if (plan[1] > 0 && plan[0] > CONCURRENT_HEAP_SHARE * HeapBudget.availableBytes(plan[0])) {
            Arrays.fill(branch, -1);
            plan = memoryPlan(branch);
        }
        plannedBytes = plan[0];
        secondFront = (int) plan[1];
    }

    /**
     * {@return the symbolic analysis of {@code a} (square, CSC; only its pattern is read) in the symmetric order
     * {@code order} (CSparse convention, {@link Permutations})}
     *
     * @param a the square matrix whose pattern is analysed
     * @param order the symmetric elimination order: order[k] is the column eliminated k-th
     * @throws IllegalArgumentException if {@code order} is not a permutation of a's columns
     */
    public static SupernodalAnalysis of(DMatrixSparseCSC a, int[] order) {
        return new SupernodalAnalysis(a, order);
    }

    /**
     * B = P A Pᵀ into the layouts of the analysis: by columns (row indices and/or values in colRow / colVal) and by
     * rows (rowCol / rowVal), each entry where the pattern put it; a null pair is skipped. One traversal for the
     * pattern and for the values, so that they line up.
     */
    private void scatter(DMatrixSparseCSC a, int[] colIndex, int[] rowIndex, double[] colValue, double[] rowValue) {
        int[] rowFill = Arrays.copyOf(rowPtr, n);
        for (int c = 0; c < n; c++) {
            int j = order[c];
            int out = colPtr[c];
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++, out++) {
                int r = position[a.nz_rows[e]];
                int at = rowFill[r]++;
                if (colIndex != null) {
                    colIndex[out] = r;
                    rowIndex[at] = c;
                }
                if (colValue != null) {
                    colValue[out] = a.nz_values[e];
                    rowValue[at] = a.nz_values[e];
                }
            }
        }
    }

    /**
     * The values of B = P A Pᵀ in the analysis' layout: {by columns, by rows}, for a matrix with the analysed
     * pattern.
     *
     * @throws IllegalArgumentException if {@code a} does not have the analysed size and number of entries
     */
    double[][] permutedValues(DMatrixSparseCSC a) {
        if (a.numCols != n || a.col_idx[n] != colRow.length) {
            throw new IllegalArgumentException("matrix does not have the analysed pattern");
        }
        double[] colVal = new double[colRow.length];
        double[] rowVal = new double[rowCol.length];
        scatter(a, null, null, colVal, rowVal);
        return new double[][] {colVal, rowVal};
    }

    /** Front rows of every supernode: its own columns, then struct(s) ascending. */
    private int[][] assembleFrontRows(int supernodes) {
        int[][] front = new int[supernodes][];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] buffer = new int[n];
        for (int s = 0; s < supernodes; s++) {
            int c0 = superStart[s];
            int c1 = superStart[s + 1] - 1;
            int count = 0;
            for (int j = c0; j <= c1; j++) {
                for (int pass = 0; pass < 2; pass++) {
                    int[] ptr = pass == 0 ? colPtr : rowPtr;
                    int[] idx = pass == 0 ? colRow : rowCol;
                    for (int e = ptr[j]; e < ptr[j + 1]; e++) {
                        int r = idx[e];
                        if (r > c1 && mark[r] != s) {
                            mark[r] = s;
                            buffer[count++] = r;
                        }
                    }
                }
            }
            for (int t = childPtr[s]; t < childPtr[s + 1]; t++) {
                int[] rows = front[children[t]];
                int own = superStart[children[t] + 1] - superStart[children[t]];
                for (int a = own; a < rows.length; a++) {
                    int r = rows[a];
                    if (r > c1 && mark[r] != s) {
                        mark[r] = s;
                        buffer[count++] = r;
                    }
                }
            }
            Arrays.sort(buffer, 0, count);
            int ns = c1 - c0 + 1;
            int[] rows = new int[ns + count];
            for (int q = 0; q < ns; q++) {
                rows[q] = c0 + q;
            }
            System.arraycopy(buffer, 0, rows, ns, count);
            front[s] = rows;
        }
        return front;
    }

    /**
     * The memory the numeric phase will allocate on the schedule {@code branch}: {bytes, rows of the second
     * front (0 when there is no second branch)}. The kept panels (ns (f + nb) doubles per supernode), the dense
     * front(s) and the largest stack of update matrices (nb² doubles each, alive from their supernode's
     * elimination to their parent's assembly; the two branches' stacks add up while they run together), before
     * any is allocated, so that a chain too large for the heap is refused in one line instead of failing with
     * OutOfMemoryError.
     */
    private long[] memoryPlan(int[] branch) {
        long kept = 0;
        long[] pending = new long[3]; // update entries alive: branch 0, branch 1, the rest (after both)
        long[] peak = new long[3];
        int secondFront = 0;
        for (int pass = 0; pass < 3; pass++) {
            int which = pass == 2 ? -1 : pass;
            if (pass == 2) {
                pending[2] = pending[0] + pending[1];
            }
            for (int s = 0; s < branch.length; s++) {
                if (branch[s] != which) {
                    continue;
                }
                long ns = superStart[s + 1] - superStart[s];
                long f = frontRows[s].length;
                kept += ns * (2 * f - ns);
                for (int t = childPtr[s]; t < childPtr[s + 1]; t++) {
                    long m = frontRows[children[t]].length - (superStart[children[t] + 1] - superStart[children[t]]);
                    pending[pass] -= m * m;
                }
                pending[pass] += (f - ns) * (f - ns);
                peak[pass] = Math.max(peak[pass], pending[pass]);
                if (which == 1) {
                    secondFront = Math.max(secondFront, (int) f);
                }
            }
        }
        long updates = Math.max(peak[0] + peak[1], peak[2]);
        return new long[] {8 * (kept + (long) maxFront * maxFront + (long) secondFront * secondFront + updates),
                           secondFront};
    }

    /**
     * The branch of every supernode: 0 or 1 for the two sets of subtrees that are factorized at the same time,
     * −1 for the rest, which waits for both (all −1 when the work is below {@link #concurrentWork} or the machine
     * has one core). From the root down the chain of single children to the first supernode with several
     * children (the top separator of nested dissection); its children's subtrees go, largest work first, to
     * the branch with less work so far. No branch is made if the smaller one would hold under a tenth of the
     * work of the larger.
     */
    private int[] branches(int supernodes) {
        int[] branch = new int[supernodes];
        Arrays.fill(branch, -1);
        if (!PARALLEL || supernodes < 3) {
            return branch;
        }
        double[] work = new double[supernodes]; // of the subtree; children come before parents
        double total = 0.0;
        for (int s = 0; s < supernodes; s++) {
            double f = frontRows[s].length;
            double own = f * f * (superStart[s + 1] - superStart[s]);
            total += own;
            work[s] += own;
            for (int t = childPtr[s]; t < childPtr[s + 1]; t++) {
                work[s] += work[children[t]];
            }
        }
        if (total < concurrentWork) {
            return branch;
        }
        int node = supernodes - 1;
        while (childPtr[node + 1] - childPtr[node] == 1) {
            node = children[childPtr[node]];
        }
        int count = childPtr[node + 1] - childPtr[node];
        if (count < 2) {
            return branch;
        }
        Integer[] tops = new Integer[count];
        for (int t = 0; t < count; t++) {
            tops[t] = children[childPtr[node] + t];
        }
        Arrays.sort(tops, (x, y) -> Double.compare(work[y], work[x]));
        double[] load = new double[2];
        int[] topBranch = new int[supernodes];
        Arrays.fill(topBranch, -1);
        for (int top : tops) {
            int to = load[0] <= load[1] ? 0 : 1;
            topBranch[top] = to;
            load[to] += work[top];
        }
        if (Math.min(load[0], load[1]) < 0.1 * Math.max(load[0], load[1])) {
            return branch;
        }
        // every supernode takes the branch of its top (parents come after children: walk down from the root)
        for (int s = supernodes - 1; s >= 0; s--) {
            branch[s] = topBranch[s] >= 0 ? topBranch[s] : superParent[s] >= 0 ? branch[superParent[s]] : -1;
        }
        return branch;
    }

    /** {@return number of columns} */
    public int size() {
        return n;
    }

    /** {@return the order (position → index)} */
    public int[] order() {
        return order;
    }

    /** {@return the elimination tree of B + Bᵀ} */
    public EliminationTree tree() {
        return tree;
    }

    /** {@return column counts of the factor of B + Bᵀ, diagonal included (the tree's own array: not to be modified)} */
    public int[] columnCountsView() {
        return colCount;
    }

    /** {@return number of supernodes} */
    public int supernodes() {
        return frontRows.length;
    }

    /**
     * {@return first column of supernode s; {@code supernodeStart(supernodes())} = n}
     *
     * @param s a supernode, 0 ≤ s ≤ {@link #supernodes()}
     */
    public int supernodeStart(int s) {
        return superStart[s];
    }

    /**
     * {@return the supernode above s in the supernodal tree, or −1 for a root}
     *
     * @param s a supernode, 0 ≤ s &lt; {@link #supernodes()}
     */
    public int supernodeParent(int s) {
        return superParent[s];
    }

    /**
     * {@return the front rows of supernode s: its own columns, then its struct ascending (a copy)}
     *
     * @param s a supernode, 0 ≤ s &lt; {@link #supernodes()}
     */
    public int[] frontRows(int s) {
        return frontRows[s].clone();
    }

    /** {@return largest front (rows)} */
    public int largestFront() {
        return maxFront;
    }

    /**
     * The flops of eliminating one front: panel Σ_q 2 (f − q)(ns − q), U_sB ns² nb, Schur complement 2 nb² ns, with
     * ns the supernode's columns, f its front rows and nb = f − ns.
     */
    static double frontFlops(double ns, double f) {
        double nb = f - ns;
        return 2.0 * (f * ns * ns - (f + ns) * ns * (ns - 1) / 2.0 + (ns - 1) * ns * (2 * ns - 1) / 6.0)
                + ns * ns * nb + 2.0 * nb * nb * ns;
    }

    /**
     * {@return the floating-point operations the numeric phase will do on this structure, before any number is
     * touched: Σ_s [2 Σ_{q&lt;ns} (f − q)(ns − q) + ns² nb + 2 nb² ns] over the supernodes s, with ns its columns,
     * f its front rows and nb = f − ns (panel, U block and Schur complement; explicit zeros of relaxed supernodes
     * included). Equal to {@link MultifrontalGth#flops()} of the factorization built on it; 0 for an empty matrix}
     */
    public double flops() {
        double count = 0.0;
        for (int s = 0; s < frontRows.length; s++) {
            count += frontFlops(superStart[s + 1] - superStart[s], frontRows[s].length);
        }
        return count;
    }

    /**
     * {@return the doubles the factors will store: Σ_s (ns f + nb ns) over the supernodes (the row panel of the
     * supernode's columns over its front, and the column panel of the rows below it), explicit zeros included;
     * equal to {@link MultifrontalGth#storedEntries()} of the factorization built on it}
     */
    public long factorEntries() {
        long stored = 0;
        for (int s = 0; s < frontRows.length; s++) {
            long ns = superStart[s + 1] - superStart[s];
            long f = frontRows[s].length;
            stored += ns * f + (f - ns) * ns;
        }
        return stored;
    }

    /** {@return whether the schedule factorizes two subtrees at the same time} */
    public boolean concurrent() {
        return secondFront > 0;
    }

    /**
     * {@return bytes the numeric phase will allocate on this schedule: 8 × (factor entries + largest front² (two fronts
     * when concurrent) + largest stack of pending update matrices)}
     */
    public long plannedBytes() {
        return plannedBytes;
    }
}
