package org.qpspin.linalg.lu;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;
import org.qpspin.linalg.dense.DenseKernel;

/**
 * Supernodal multifrontal LU of a generator in a given symmetric order, with GTH pivots: the sparse, fill-reducing
 * version of the Grassmann–Taksar–Heyman elimination, no pivoting and no subtraction in the factorization.
 *
 * <p>Symbolic phase: {@link SupernodalAnalysis} (pattern only: permutation, elimination tree, column counts,
 * supernodes, front rows, schedule, memory plan; I. S. Duff, J. K. Reid, "The multifrontal solution of indefinite
 * sparse symmetric linear equations", ACM TOMS 9, 302 (1983); J. W. H. Liu, "The multifrontal method for sparse
 * matrix solution", SIAM Review 34, 82 (1992)).
 *
 * <p>Numeric phase (this class), supernodes in column order: assemble the dense front from B and the children's update
 * matrices (extend-add), eliminate its own columns, pass the Schur complement on its struct to the parent. Column
 * q's pivot is not the updated diagonal but u_qq = −Σ_{r&gt;q} F[r][q], the sum of the fully assembled
 * off-diagonal entries below it: every Schur complement of a generator is a generator (censored chain, columns
 * summing to zero), so this is the same number computed without cancellation (GTH). Off-diagonal entries are ≥ 0,
 * multipliers ≤ 0, and every update adds a non-negative number: the whole factorization is subtraction-free.
 *
 * <p>The last column in the order is the pinned state k (its GTH pivot is 0: L is singular). The stored factors
 * are those of the pinned matrix A = L with row k replaced by e_kᵀ: the same U with u_kk = 1, and L without its
 * last row (whose multipliers were only needed to sum the pivots), which the solves honour.
 */
public final class MultifrontalGth {

    /**
     * Dense updates above this many flops are split over the common fork-join pool (with 2+ cores). Each entry
     * sees the same operations in the same order either way, so the split never changes a result; public
     * and mutable only so that a test can force the parallel paths on a small chain.
     */
    public static double parallelFlops = 4e6;
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;
    private static final int ROW_CHUNK = 64;
    private static final int COLUMN_CHUNK = 256;

    /**
     * Doubles per factor block: the panels of consecutive supernodes are packed into blocks of at most this many
     * entries (or one supernode's panels, if larger), allocated once before the numeric phase instead of one pair of
     * arrays per front, and several of them so that no array reaches 2³¹ entries. Public and mutable only so that
     * a test can force many small blocks on a small chain; storage never changes a result.
     */
    public static int blockEntries = 1 << 27;

    /**
     * Whether the update matrices go to two stacks ({@code UpdateStacks}, when the supernodes are in a postorder)
     * rather than one array per front. Public and mutable only so that a test can force the per-front path; it never
     * changes a result.
     */
    public static boolean updateStacks = true;

    private final int n;
    private final int[] order;
    private final int[] superStart;
    private final int[][] frontRows;
    /** The factor blocks; supernode s keeps its panels in {@code blocks[panelBlock[s]]} from {@code panelOffset[s]}. */
    private final double[][] blocks;
    /** The block of each supernode's panels: ns × f row panel (L_ss strict lower, U_ss, U_sB), then nb × ns L_Bs. */
    private final int[] panelBlock;
    /** The first entry of each supernode's row panel in its block; its column panel follows at + ns × f. */
    private final int[] panelOffset;
    private final long storedEntries;
    private final double flops;
    private final long estimatedBytes;
    private final long allocatedBytes;
    private final boolean concurrent;

    private MultifrontalGth(int n, int[] order, int[] superStart, int[][] frontRows, FactorBlocks factors,
                            long estimatedBytes, long allocatedBytes, boolean concurrent) {
        this.n = n;
        this.order = order;
        this.superStart = superStart;
        this.frontRows = frontRows;
        this.blocks = factors.blocks;
        this.panelBlock = factors.block;
        this.panelOffset = factors.offset;
        this.storedEntries = factors.entries;
        this.estimatedBytes = estimatedBytes;
        this.allocatedBytes = allocatedBytes;
        this.concurrent = concurrent;
        double count = 0.0;
        for (int s = 0; s < panelBlock.length; s++) {
            count += SupernodalAnalysis.frontFlops(superStart[s + 1] - superStart[s], frontRows[s].length);
        }
        this.flops = count;
    }

    /**
     * Factorizes the generator {@code l} (CSC, columns summing to zero) in the order {@code order}, whose last
     * entry is the pinned state: the symbolic analysis ({@link SupernodalAnalysis}), then the numeric phase.
     *
     * @param l the generator (CSC, columns summing to zero)
     * @param order the symmetric elimination order, the pinned state last (a permutation of l's columns)
     * @return the factors
     * @throws IllegalArgumentException if a pivot other than the last vanishes (the chain is reducible)
     */
    public static MultifrontalGth factorize(DMatrixSparseCSC l, int[] order) {
        return factorize(l, order, ProgressListener.NONE);
    }

    /**
     * As {@link #factorize(DMatrixSparseCSC, int[])}, reporting the numeric phase to {@code progress} (see
     * {@link #factorize(SupernodalAnalysis, DMatrixSparseCSC, ProgressListener)}).
     *
     * @param l        the generator (CSC, columns summing to zero)
     * @param order    the symmetric elimination order, the pinned state last
     * @param progress where to report; {@link ProgressListener#NONE} for nothing
     * @return the factors
     * @throws IllegalArgumentException as {@link #factorize(DMatrixSparseCSC, int[])}
     */
    public static MultifrontalGth factorize(DMatrixSparseCSC l, int[] order, ProgressListener progress) {
        DenseKernel.prepareFor(l.numCols);
        return factorize(SupernodalAnalysis.of(l, order), l, progress);
    }

    /**
     * {@return the numeric phase on a symbolic analysis of {@code l}'s pattern: refuses in one line if the planned
     * memory does not fit, then assembles and eliminates the fronts, the two concurrent branches (if any) at the same
     * time, each with its own front, then the rest}
     *
     * @param symbolic the symbolic analysis of {@code l}'s pattern (and order)
     * @param l the generator, with the pattern {@code symbolic} was built on
     * @throws IllegalArgumentException if a pivot other than the last vanishes (the chain is reducible), or the
     *                                  factors do not fit in the heap
     */
    public static MultifrontalGth factorize(SupernodalAnalysis symbolic, DMatrixSparseCSC l) {
        return factorize(symbolic, l, ProgressListener.NONE);
    }

    /**
     * As {@link #factorize(SupernodalAnalysis, DMatrixSparseCSC)}, reporting the numeric phase to {@code progress}
     * as one phase {@code "lu factorization"} counted in flops (each front's count as {@link #flops()} sums them,
     * added when the front is eliminated). The factors are the same, bit for bit, whatever the listener.
     *
     * @param symbolic the symbolic analysis of {@code l}'s pattern
     * @param l        the generator, with the pattern {@code symbolic} was built on
     * @param progress where to report; {@link ProgressListener#NONE} for nothing
     * @return the factors
     * @throws IllegalArgumentException as {@link #factorize(SupernodalAnalysis, DMatrixSparseCSC)}
     */
    public static MultifrontalGth factorize(SupernodalAnalysis symbolic, DMatrixSparseCSC l,
                                            ProgressListener progress) {
        int n = symbolic.n;
        double[][] values = symbolic.permutedValues(l);
        long needed = symbolic.plannedBytes;
        int secondFront = symbolic.secondFront;
        int[] branch = symbolic.branch;
        int maxFront = symbolic.maxFront;
        HeapBudget.require(needed, "lu solver", "for the factors of " + n + " states",
                "raise the heap (QPSPIN_JAVA_OPTS=-Xmx...) or use a narrower truncation (--band)");

        int supernodes = symbolic.supernodes();
        double[][] update = new double[supernodes][];
        if ((long) maxFront * maxFront > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("front of " + maxFront + " rows too large for one array");
        }
        FactorBlocks factors = FactorBlocks.of(symbolic, blockEntries);
        long[] work = new long[supernodes];
        long totalWork = 0;
        for (int s = 0; s < supernodes; s++) {
            work[s] = Math.max(1, Math.round(SupernodalAnalysis.frontFlops(symbolic.superStart[s + 1] - symbolic.superStart[s],
                    symbolic.frontRows[s].length)));
            totalWork += work[s];
        }
        WorkCounter counter = WorkCounter.start(progress, "lu factorization", totalWork);
        UpdateStacks stacks = updateStacks ? UpdateStacks.plan(symbolic, branch) : null;
        Numeric numeric = new Numeric(symbolic, values[0], values[1], factors, update, stacks, counter, work);
        Worker main = new Worker(n, maxFront);
        long fronts = main.front.length;
        if (secondFront > 0) {
            Worker second = new Worker(n, secondFront);
            fronts += second.front.length;
            java.util.concurrent.ForkJoinTask<?> other = java.util.concurrent.ForkJoinTask.adapt(
                    () -> numeric.run(branch, 1, second)).fork();
            numeric.run(branch, 0, main);
            other.join();
            // the rest starts with both branches' updates alive; their peaks, reached at the same time, add up
            main.pending += second.pending;
            main.peak += second.peak;
        }
        numeric.run(branch, -1, main);
        counter.finish();
        return new MultifrontalGth(n, symbolic.order, symbolic.superStart, symbolic.frontRows, factors,
                needed, 8 * (factors.allocated() + fronts + (stacks == null ? main.peak
                        : stacks.stacks[0].length + stacks.stacks[1].length)), secondFront > 0);
    }

    /**
     * Where the factors live: the panels of supernode s (row panel ns × f, then column panel nb × ns, row-major)
     * in {@code blocks[block[s]]} from {@code offset[s]}. The places come from the symbolic structure alone, so the
     * blocks are allocated once, up front; the two concurrent branches write disjoint ranges of them.
     */
    private static final class FactorBlocks {
        final double[][] blocks;
        final int[] block;
        final int[] offset;
        final long entries;

        private FactorBlocks(double[][] blocks, int[] block, int[] offset, long entries) {
            this.blocks = blocks;
            this.block = block;
            this.offset = offset;
            this.entries = entries;
        }

        /**
         * Packs the supernodes' panels in supernode order into blocks of at most {@code cap} doubles (one
         * supernode's panels alone if larger; each fits one array since ns (2f − ns) ≤ f² &lt; 2³¹).
         */
        static FactorBlocks of(SupernodalAnalysis symbolic, int cap) {
            int supernodes = symbolic.supernodes();
            int[] block = new int[supernodes];
            int[] offset = new int[supernodes];
            java.util.List<Long> sizes = new java.util.ArrayList<>();
            long fill = 0;
            long entries = 0;
            for (int s = 0; s < supernodes; s++) {
                long ns = symbolic.superStart[s + 1] - symbolic.superStart[s];
                long need = ns * (2L * symbolic.frontRows[s].length - ns);
                if (sizes.isEmpty() || (fill > 0 && fill + need > cap)) {
                    if (!sizes.isEmpty()) {
                        sizes.set(sizes.size() - 1, fill);
                    }
                    sizes.add(0L);
                    fill = 0;
                }
                block[s] = sizes.size() - 1;
                offset[s] = (int) fill;
                fill += need;
                entries += need;
            }
            if (!sizes.isEmpty()) {
                sizes.set(sizes.size() - 1, fill);
            }
            double[][] blocks = new double[sizes.size()][];
            for (int b = 0; b < blocks.length; b++) {
                blocks[b] = new double[Math.toIntExact(sizes.get(b))];
            }
            return new FactorBlocks(blocks, block, offset, entries);
        }

        /** {@return doubles allocated in the blocks (the factor entries: the blocks are packed without gaps)} */
        long allocated() {
            long total = 0;
            for (double[] b : blocks) {
                total += b.length;
            }
            return total;
        }
    }

    /**
     * The update matrices in two stacks (one per concurrent branch; the rest pushes on stack 0) instead of one array
     * per front: supernode s's nb × nb update at {@code offset[s]} of {@code stacks[stack[s]]}. Usable only when every
     * supernode finds its children's updates on top of their stacks (the supernodes in a postorder of the tree, as
     * nested dissection gives them), which {@link #plan} checks by replaying the schedule on sizes alone.
     */
    private static final class UpdateStacks {
        final double[][] stacks;
        final int[] stack;
        final int[] offset;

        private UpdateStacks(double[][] stacks, int[] stack, int[] offset) {
            this.stacks = stacks;
            this.stack = stack;
            this.offset = offset;
        }

        /**
         * {@return the stacks for this schedule (branch 0 and 1 at the same time, then the rest), or null if some
         * supernode's children are not the top of their stacks or a stack would exceed one array}
         */
        static UpdateStacks plan(SupernodalAnalysis symbolic, int[] branch) {
            int supernodes = symbolic.supernodes();
            int[] stack = new int[supernodes];
            int[] offset = new int[supernodes];
            long[] top = new long[2];
            long[] peak = new long[2];
            long[] consumed = new long[2];
            for (int which : new int[] {0, 1, -1}) {
                for (int s = 0; s < supernodes; s++) {
                    if (branch[s] != which) {
                        continue;
                    }
                    consumed[0] = 0;
                    consumed[1] = 0;
                    for (int t = symbolic.childPtr[s]; t < symbolic.childPtr[s + 1]; t++) {
                        int c = symbolic.children[t];
                        consumed[stack[c]] += updateEntries(symbolic, c);
                    }
                    for (int t = symbolic.childPtr[s]; t < symbolic.childPtr[s + 1]; t++) {
                        int c = symbolic.children[t];
                        if (updateEntries(symbolic, c) > 0 && offset[c] < top[stack[c]] - consumed[stack[c]]) {
                            return null; // a child lies below another live update: not a postorder
                        }
                    }
                    top[0] -= consumed[0];
                    top[1] -= consumed[1];
                    int own = which == 1 ? 1 : 0;
                    stack[s] = own;
                    long entries = updateEntries(symbolic, s);
                    if (top[own] + entries > Integer.MAX_VALUE - 8) {
                        return null;
                    }
                    offset[s] = (int) top[own];
                    top[own] += entries;
                    peak[own] = Math.max(peak[own], top[own]);
                }
            }
            return new UpdateStacks(new double[][] {new double[(int) peak[0]], new double[(int) peak[1]]}, stack,
                    offset);
        }

        private static long updateEntries(SupernodalAnalysis symbolic, int s) {
            long nb = symbolic.frontRows[s].length - (symbolic.superStart[s + 1] - symbolic.superStart[s]);
            return nb * nb;
        }
    }

    /** The work areas of one thread of the numeric phase, and the update entries it keeps alive. */
    private static final class Worker {
        final double[] front;
        final int[] local;
        final int[] slot;
        long pending;
        long peak;

        Worker(int n, int maxFront) {
            this.front = new double[maxFront * maxFront];
            this.local = new int[n];
            this.slot = new int[maxFront];
        }
    }

    /** The numeric phase over the symbolic structure: assembles and eliminates one supernode's front at a time. */
    private static final class Numeric {
        private final int n;
        private final int[] colPtr;
        private final int[] colRow;
        private final double[] colVal;
        private final int[] rowPtr;
        private final int[] rowCol;
        private final double[] rowVal;
        private final int[] superStart;
        private final int[][] frontRows;
        private final int[] childPtr;
        private final int[] children;
        private final FactorBlocks factors;
        private final double[][] update;
        private final UpdateStacks stacks;
        private final WorkCounter counter;
        private final long[] work;

        Numeric(SupernodalAnalysis symbolic, double[] colVal, double[] rowVal, FactorBlocks factors,
                double[][] update, UpdateStacks stacks, WorkCounter counter, long[] work) {
            this.n = symbolic.n;
            this.colPtr = symbolic.colPtr;
            this.colRow = symbolic.colRow;
            this.colVal = colVal;
            this.rowPtr = symbolic.rowPtr;
            this.rowCol = symbolic.rowCol;
            this.rowVal = rowVal;
            this.superStart = symbolic.superStart;
            this.frontRows = symbolic.frontRows;
            this.childPtr = symbolic.childPtr;
            this.children = symbolic.children;
            this.factors = factors;
            this.update = update;
            this.stacks = stacks;
            this.counter = counter;
            this.work = work;
        }

        /** The supernodes of {@code which} branch in ascending order (children before parents). */
        void run(int[] branch, int which, Worker w) {
            for (int s = 0; s < branch.length; s++) {
                if (branch[s] == which) {
                    supernode(s, w);
                    counter.add(work[s]);
                }
            }
        }

        private void supernode(int s, Worker w) {
            double[] front = w.front;
            int[] local = w.local;
            int[] slot = w.slot;
            int[] rows = frontRows[s];
            int f = rows.length;
            int c0 = superStart[s];
            int c1 = superStart[s + 1] - 1;
            int ns = c1 - c0 + 1;
            int nb = f - ns;
            Arrays.fill(front, 0, f * f, 0.0);
            for (int a = 0; a < f; a++) {
                local[rows[a]] = a;
            }
            for (int j = c0; j <= c1; j++) {
                int cj = local[j];
                for (int e = colPtr[j]; e < colPtr[j + 1]; e++) {
                    int r = colRow[e];
                    if (r >= c0) {
                        front[local[r] * f + cj] += colVal[e];
                    }
                }
                int rj = local[j] * f;
                for (int e = rowPtr[j]; e < rowPtr[j + 1]; e++) {
                    int c = rowCol[e];
                    if (c > c1) {
                        front[rj + local[c]] += rowVal[e];
                    }
                }
            }
            for (int t = childPtr[s]; t < childPtr[s + 1]; t++) {
                int child = children[t];
                int[] childRows = frontRows[child];
                int own = superStart[child + 1] - superStart[child];
                int m = childRows.length - own;
                double[] u = stacks == null ? update[child] : stacks.stacks[stacks.stack[child]];
                int u0 = stacks == null ? 0 : stacks.offset[child];
                for (int b = 0; b < m; b++) {
                    slot[b] = local[childRows[own + b]];
                }
                // extend-add: the child's rows land on distinct front rows, so big ones are split over the pool
                if ((double) m * m < parallelFlops || !PARALLEL) {
                    extendAdd(front, f, u, u0, m, slot, 0, m);
                } else {
                    int chunks = (m + ROW_CHUNK - 1) / ROW_CHUNK;
                    IntStream.range(0, chunks).parallel().forEach(k -> extendAdd(front, f, u, u0, m, slot,
                            k * ROW_CHUNK, Math.min(m, (k + 1) * ROW_CHUNK)));
                }
                update[child] = null;
                w.pending -= (long) m * m;
            }
            double[] panel = factors.blocks[factors.block[s]];
            int rp = factors.offset[s];
            eliminate(front, f, ns, c0, n, panel, rp);
            int cp = rp + ns * f;
            for (int r = 0; r < nb; r++) {
                System.arraycopy(front, (ns + r) * f, panel, cp + r * ns, ns);
            }
            if (nb > 0) {
                double[] u = stacks == null ? new double[nb * nb] : stacks.stacks[stacks.stack[s]];
                int u0 = stacks == null ? 0 : stacks.offset[s];
                for (int r = 0; r < nb; r++) {
                    System.arraycopy(front, (ns + r) * f + ns, u, u0 + r * nb, nb);
                }
                if (stacks == null) {
                    update[s] = u;
                }
                w.pending += (long) nb * nb;
                w.peak = Math.max(w.peak, w.pending);
            }
        }
    }

    /**
     * front[slot[a]][slot[b]] += u[a][b] for the child update rows [from, to) (u is m × m, row-major, from
     * {@code u0}).
     */
    private static void extendAdd(double[] front, int f, double[] u, int u0, int m, int[] slot, int from, int to) {
        for (int a = from; a < to; a++) {
            int base = slot[a] * f;
            int row = u0 + a * m;
            for (int b = 0; b < m; b++) {
                front[base + slot[b]] += u[row + b];
            }
        }
    }

    /** Pivots per block of the panel factorization and terms per pass of the updates (rank-4 kernels). */
    public static final int BLOCK = 4;

    /**
     * Eliminates the first ns columns of the dense f × f front (row-major) with GTH pivots, leaving L below and U
     * to the right of them and the Schur complement in the trailing block.
     *
     * <p>Blocked right-looking LU (Golub &amp; Van Loan, Matrix Computations, 4th ed., §3.2.11) with blocks of
     * {@value #BLOCK} pivots: each block is factorized on its own columns, then applied to the rest of the panel,
     * to U_sB and to the Schur complement as rank-{@value #BLOCK} updates, so that every front entry is loaded and
     * stored once per {@value #BLOCK} pivots instead of once per pivot (the rank-1 loop is bound by its stores).
     * The terms are the same non-negative products as in the rank-1 order, only summed in another order, so the
     * elimination stays subtraction-free (GTH).
     */
    private static void eliminate(double[] front, int f, int ns, int c0, int n, double[] rowPanel, int at) {
        for (int q0 = 0; q0 < ns; q0 += BLOCK) {
            int qe = Math.min(q0 + BLOCK, ns);
            for (int q = q0; q < qe; q++) {
                double sum = 0.0;
                for (int r = q + 1; r < f; r++) {
                    sum += front[r * f + q];
                }
                double pivot;
                if (sum > 0.0) {
                    pivot = -sum;
                } else if (c0 + q == n - 1) {
                    pivot = 1.0; // pinned state: row k of the pinned matrix is e_kᵀ
                } else {
                    throw new IllegalArgumentException("chain is reducible: state at elimination step " + (c0 + q)
                            + " cannot reach the pinned state");
                }
                front[q * f + q] = pivot;
                double inverse = 1.0 / pivot;
                int rowQ = q * f;
                // multipliers of column q, and their update of the block's own columns q+1 … qe−1
                for (int r = q + 1; r < f; r++) {
                    int rowR = r * f;
                    double multiplier = front[rowR + q];
                    if (multiplier != 0.0) {
                        multiplier *= inverse;
                        front[rowR + q] = multiplier;
                        for (int c = q + 1; c < qe; c++) {
                            front[rowR + c] -= multiplier * front[rowQ + c];
                        }
                    }
                }
            }
            if (qe == ns) {
                break;
            }
            // the block's U rows on the rest of the panel, then the rank-BLOCK update of rows qe … f−1 there
            blockRows(front, f, q0, qe, qe, ns);
            int rows = f - qe;
            if (2.0 * BLOCK * rows * (ns - qe) < parallelFlops || !PARALLEL) {
                update(front, f, front, f, q0, qe, qe, f, qe, ns);
            } else {
                int chunks = (rows + ROW_CHUNK - 1) / ROW_CHUNK;
                int blockStart = q0;
                int blockEnd = qe;
                IntStream.range(0, chunks).parallel().forEach(k -> update(front, f, front, f, blockStart, blockEnd,
                        blockEnd + k * ROW_CHUNK, Math.min(f, blockEnd + (k + 1) * ROW_CHUNK), blockEnd, ns));
            }
        }
        if (f == ns) {
            System.arraycopy(front, 0, rowPanel, at, ns * f);
            return;
        }
        // U_sB = L_ss⁻¹ B_sB, independent by columns
        if ((double) ns * ns * (f - ns) < parallelFlops || !PARALLEL) {
            upperColumns(front, f, ns, ns, f);
        } else {
            int chunks = (f - ns + COLUMN_CHUNK - 1) / COLUMN_CHUNK;
            IntStream.range(0, chunks).parallel().forEach(k -> upperColumns(front, f, ns, ns + k * COLUMN_CHUNK,
                    Math.min(f, ns + (k + 1) * COLUMN_CHUNK)));
        }
        System.arraycopy(front, 0, rowPanel, at, ns * f);
        // Schur complement on the struct rows and columns, U read from the row panel
        schur(front, f, ns, rowPanel, at);
    }

    /** Rows q0+1 … qe−1 of U on columns [columnFrom, columnTo): forward substitution within the block. */
    private static void blockRows(double[] front, int f, int q0, int qe, int columnFrom, int columnTo) {
        for (int q = q0 + 1; q < qe; q++) {
            update(front, f, front, f, q0, q, q, q + 1, columnFrom, columnTo);
        }
    }

    /**
     * Columns [columnFrom, columnTo) of U_sB = L_ss⁻¹ B_sB: forward substitution down the rows of s, each row
     * taking the rows above it four at a time ({@link #update} on one row).
     */
    private static void upperColumns(double[] front, int f, int ns, int columnFrom, int columnTo) {
        for (int q = 1; q < ns; q++) {
            update(front, f, front, f, 0, q, q, q + 1, columnFrom, columnTo);
        }
    }

    /**
     * front[B][B] −= L_Bs U_sB with U_sB read from {@code u} (ns × f, row-major); fronts above
     * {@link #parallelFlops} flops are split by row blocks over the common fork-join pool.
     */
    private static void schur(double[] front, int f, int ns, double[] u, int at) {
        int nb = f - ns;
        if (2.0 * nb * nb * ns < parallelFlops || !PARALLEL) {
            update(front, f, u, at, f, 0, ns, ns, f, ns, f);
            return;
        }
        int chunks = (nb + ROW_CHUNK - 1) / ROW_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(k -> update(front, f, u, at, f, 0, ns, ns + k * ROW_CHUNK,
                Math.min(f, ns + (k + 1) * ROW_CHUNK), ns, f));
    }

    /**
     * a[r][c] −= Σ_{p0 ≤ p &lt; p1} a[r][p] u[p][c] for rows [rowFrom, rowTo) and columns [columnFrom, columnTo) of
     * the row-major {@code a} ({@code fa} per row), u row-major with {@code fu} per row: four rows times four terms
     * per pass ({@link DenseKernel#multiplyAdd4x4}, SIMD where available), remainders by two, one.
     *
     * @param a the row-major front, updated in place
     * @param fa entries per row of {@code a}
     * @param u the row-major pivot rows
     * @param fu entries per row of {@code u}
     * @param p0 first pivot p (inclusive)
     * @param p1 last pivot p (exclusive)
     * @param rowFrom first row r (inclusive)
     * @param rowTo last row r (exclusive)
     * @param columnFrom first column c (inclusive)
     * @param columnTo last column c (exclusive)
     */
    public static void update(double[] a, int fa, double[] u, int fu, int p0, int p1, int rowFrom, int rowTo,
                       int columnFrom, int columnTo) {
        update(a, fa, u, 0, fu, p0, p1, rowFrom, rowTo, columnFrom, columnTo);
    }

    /** As {@link #update(double[], int, double[], int, int, int, int, int, int, int)}, u's row 0 at {@code u0}. */
    private static void update(double[] a, int fa, double[] u, int u0, int fu, int p0, int p1, int rowFrom,
                               int rowTo, int columnFrom, int columnTo) {
        int r = rowFrom;
        for (; r + 3 < rowTo; r += 4) {
            int a0 = r * fa;
            int a1 = a0 + fa;
            int a2 = a1 + fa;
            int a3 = a2 + fa;
            int p = p0;
            for (; p + 3 < p1; p += 4) {
                // the 4 × 4 block of multipliers a[r..r+3][p..p+3] against rows p..p+3 of u
                DenseKernel.multiplyAdd4x4(a, a0, fa, u, u0 + p * fu, fu, a, a0 + p, fa, 1, columnFrom, columnTo,
                        true);
            }
            for (; p < p1; p++) {
                double l0 = a[a0 + p];
                double l1 = a[a1 + p];
                double l2 = a[a2 + p];
                double l3 = a[a3 + p];
                if (l0 == 0.0 && l1 == 0.0 && l2 == 0.0 && l3 == 0.0) {
                    continue;
                }
                int up = u0 + p * fu;
                for (int c = columnFrom; c < columnTo; c++) {
                    double x = u[up + c];
                    a[a0 + c] -= l0 * x;
                    a[a1 + c] -= l1 * x;
                    a[a2 + c] -= l2 * x;
                    a[a3 + c] -= l3 * x;
                }
            }
        }
        for (; r < rowTo; r++) {
            int ar = r * fa;
            int p = p0;
            for (; p + 3 < p1; p += 4) {
                if (DenseKernel.zeroWeights(a, ar + p, fa, 1, 1)) {
                    continue;
                }
                DenseKernel.multiplyAdd1x4(a, ar, u, u0 + p * fu, fu, a, ar + p, 1, columnFrom, columnTo, true);
            }
            for (; p < p1; p++) {
                double multiplier = a[ar + p];
                if (multiplier != 0.0) {
                    int up = u0 + p * fu;
                    for (int c = columnFrom; c < columnTo; c++) {
                        a[ar + c] -= multiplier * u[up + c];
                    }
                }
            }
        }
    }

    /**
     * w ← L_pin⁻¹ w in the permuted numbering (the pinned last row of L is e_nᵀ).
     *
     * @param w the right-hand side on entry, the solution on return (length n, permuted numbering)
     */
    public void forward(double[] w) {
        double pinnedValue = w[n - 1];
        for (int s = 0; s < panelBlock.length; s++) {
            int c0 = superStart[s];
            int ns = superStart[s + 1] - c0;
            int[] rows = frontRows[s];
            int f = rows.length;
            int nb = f - ns;
            double[] panel = blocks[panelBlock[s]];
            int rp = panelOffset[s];
            int cp = rp + ns * f;
            for (int q = 0; q < ns; q++) {
                double wq = w[c0 + q];
                if (wq != 0.0) {
                    for (int r = q + 1; r < ns; r++) {
                        w[c0 + r] -= panel[rp + r * f + q] * wq;
                    }
                    for (int r = 0; r < nb; r++) {
                        w[rows[ns + r]] -= panel[cp + r * ns + q] * wq;
                    }
                }
            }
        }
        w[n - 1] = pinnedValue;
    }

    /**
     * w ← U⁻¹ w in the permuted numbering.
     *
     * @param w the right-hand side on entry, the solution on return (length n, permuted numbering)
     */
    public void backward(double[] w) {
        for (int s = panelBlock.length - 1; s >= 0; s--) {
            int c0 = superStart[s];
            int ns = superStart[s + 1] - c0;
            int[] rows = frontRows[s];
            int f = rows.length;
            double[] panel = blocks[panelBlock[s]];
            int rp = panelOffset[s];
            for (int q = ns - 1; q >= 0; q--) {
                int rowQ = rp + q * f;
                double acc = w[c0 + q];
                for (int c = q + 1; c < f; c++) {
                    acc -= panel[rowQ + c] * w[rows[c]];
                }
                w[c0 + q] = acc / panel[rowQ + q];
            }
        }
    }

    /**
     * w ← U⁻ᵀ w in the permuted numbering.
     *
     * @param w the right-hand side on entry, the solution on return (length n, permuted numbering)
     */
    public void forwardTransposed(double[] w) {
        for (int s = 0; s < panelBlock.length; s++) {
            int c0 = superStart[s];
            int ns = superStart[s + 1] - c0;
            int[] rows = frontRows[s];
            int f = rows.length;
            double[] panel = blocks[panelBlock[s]];
            int rp = panelOffset[s];
            for (int q = 0; q < ns; q++) {
                int rowQ = rp + q * f;
                double wq = w[c0 + q] / panel[rowQ + q];
                w[c0 + q] = wq;
                if (wq != 0.0) {
                    for (int c = q + 1; c < f; c++) {
                        w[rows[c]] -= panel[rowQ + c] * wq;
                    }
                }
            }
        }
    }

    /**
     * w ← L_pin⁻ᵀ w in the permuted numbering.
     *
     * @param w the right-hand side on entry, the solution on return (length n, permuted numbering)
     */
    public void backwardTransposed(double[] w) {
        double pinnedValue = w[n - 1];
        w[n - 1] = 0.0; // row n−1 of L_pin has no multipliers
        for (int s = panelBlock.length - 1; s >= 0; s--) {
            int c0 = superStart[s];
            int ns = superStart[s + 1] - c0;
            int[] rows = frontRows[s];
            int f = rows.length;
            int nb = f - ns;
            double[] panel = blocks[panelBlock[s]];
            int rp = panelOffset[s];
            int cp = rp + ns * f;
            for (int q = ns - 1; q >= 0; q--) {
                double acc = w[c0 + q];
                for (int r = q + 1; r < ns; r++) {
                    acc -= panel[rp + r * f + q] * w[c0 + r];
                }
                for (int r = 0; r < nb; r++) {
                    acc -= panel[cp + r * ns + q] * w[rows[ns + r]];
                }
                w[c0 + q] = acc;
            }
        }
        w[n - 1] = pinnedValue;
    }

    /** {@return the order (position → state)} */
    public int[] order() {
        return order;
    }

    /** {@return doubles stored in the factors (explicit zeros inside supernodes included)} */
    public long storedEntries() {
        return storedEntries;
    }

    /**
     * {@return bytes the up-front check asked of the heap, from the symbolic structure alone: 8 × (factor entries +
     * largest front² + largest stack of pending update matrices)}
     */
    public long estimatedBytes() {
        return estimatedBytes;
    }

    /**
     * {@return bytes of the same three kinds of arrays as the numeric phase actually allocated them (the kept panels,
     * the front array, the peak of the update matrices alive at once), for checking {@link #estimatedBytes()}}
     */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /**
     * {@return whether two subtrees of the elimination tree were factorized at the same time ({@link
     * SupernodalAnalysis#concurrentWork})}
     */
    public boolean concurrent() {
        return concurrent;
    }

    /** {@return floating-point operations of the numeric factorization (dense front kernels, zeros included)} */
    public double flops() {
        return flops;
    }

    /** {@return number of supernodes} */
    public int supernodes() {
        return panelBlock.length;
    }

    /** {@return largest front (rows)} */
    public int largestFront() {
        int max = 0;
        for (int[] rows : frontRows) {
            max = Math.max(max, rows.length);
        }
        return max;
    }
}
