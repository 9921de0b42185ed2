package org.qpspin.linalg;

import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Loops over an index range 0 … n − 1 cut into blocks whose bounds depend on n only, never on the number of
 * threads: block k is [k·{@value #BLOCK}, min(n, (k+1)·{@value #BLOCK})). The blocks run on the fork-join pool
 * (the common one, or the pool of the calling worker thread) when the machine has 2+ cores and n ≥
 * {@link #parallelStates}, one after another otherwise; a reduction adds the blocks' partial results in block
 * order k = 0, 1, … whichever thread computed them. So every result is the same bits with one thread or many, with
 * the parallel path on or off: a run is reproducible, and switching threads changes only its time.
 *
 * <p>The convention is that of the LU ({@link org.qpspin.linalg.lu.MultifrontalGth#parallelFlops}): a size
 * threshold below which the work stays on the calling thread (small problems: the unit tests and the README's fast
 * command; a fork-join dispatch costs ≈ 10–50 µs, a pass over 10⁴ doubles ≈ 5 µs), public and mutable only so that a
 * test can force the parallel path on a small chain. A partial sum over 4096 terms rounds like the plain loop
 * over them; the sum of the blocks' partials differs from one loop over all n in the last bits only.
 */
public final class FixedBlockLoops {

    /** Indices per block (a power of two: 32 KiB of doubles, an L1-to-L2-sized piece of one vector). */
    public static final int BLOCK = 4096;

    /**
     * Ranges of at least this many indices run their blocks over the fork-join pool (with 2+ cores); public and
     * mutable only so that a test can force the parallel path (0) or forbid it ({@link Integer#MAX_VALUE}). The
     * results do not depend on it.
     */
    public static int parallelStates = 1 << 15;

    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;
    private static final LongAdder PARALLEL_RUNS = new LongAdder();

    private FixedBlockLoops() {
    }

    /** The work of one block of an element-wise loop. */
    @FunctionalInterface
    public interface RangeAction {
        /**
         * Does the work of indices from … to − 1.
         *
         * @param from first index (inclusive)
         * @param to   last index (exclusive)
         */
        void run(int from, int to);
    }

    /** The work of one numbered block (a reduction with several partial results per block). */
    @FunctionalInterface
    public interface BlockAction {
        /**
         * Does the work of block k, indices from … to − 1.
         *
         * @param k    the block's number, 0 … {@link #blocks(int) blocks(n)} − 1
         * @param from first index (inclusive), k·{@value #BLOCK}
         * @param to   last index (exclusive)
         */
        void run(int k, int from, int to);
    }

    /** The partial result of one block of a reduction. */
    @FunctionalInterface
    public interface RangeSum {
        /**
         * The block's partial result, summed in ascending index order.
         *
         * @param from first index (inclusive)
         * @param to   last index (exclusive)
         * @return the partial result of indices from … to − 1
         */
        double sum(int from, int to);
    }

    /**
     * Whether a range of n indices runs over the pool: 2+ cores and n ≥ {@link #parallelStates}.
     *
     * @param n the number of indices (or states, for work proportional to them)
     * @return true if the work is split over threads
     */
    public static boolean parallel(int n) {
        return PARALLEL && n >= parallelStates;
    }

    /**
     * How many times a loop has run its blocks over the pool since the JVM started (for tests: the parallel
     * path was taken).
     *
     * @return the count of parallel dispatches
     */
    public static long parallelRuns() {
        return PARALLEL_RUNS.sum();
    }

    /**
     * Number of blocks of a range.
     *
     * @param n the number of indices (≥ 0)
     * @return ⌈n / {@value #BLOCK}⌉
     */
    public static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /**
     * Runs {@code body} on every block of 0 … n − 1, over the pool if {@link #parallel(int) parallel(n)}. The
     * blocks must write disjoint data (e.g. an element-wise update, or the rows of a product).
     *
     * @param n    the number of indices (≥ 0)
     * @param body the work of one block
     */
    public static void forEach(int n, RangeAction body) {
        int blocks = blocks(n);
        if (blocks > 1 && parallel(n)) {
            PARALLEL_RUNS.increment();
            IntStream.range(0, blocks).parallel().forEach(k -> body.run(k * BLOCK, Math.min(n, (k + 1) * BLOCK)));
        } else if (n > 0) {
            body.run(0, n);
        }
    }

    /**
     * Runs {@code body} on every block of 0 … n − 1 one block at a time, each with its number (over the pool if
     * {@link #parallel(int) parallel(n)}): for reductions whose partial results the caller stores by block and adds
     * in block order. The blocks must write disjoint data.
     *
     * @param n    the number of indices (≥ 0)
     * @param body the work of one block
     */
    public static void forEachBlock(int n, BlockAction body) {
        int blocks = blocks(n);
        if (blocks > 1 && parallel(n)) {
            PARALLEL_RUNS.increment();
            IntStream.range(0, blocks).parallel().forEach(k -> body.run(k, k * BLOCK, Math.min(n, (k + 1) * BLOCK)));
        } else {
            for (int k = 0; k < blocks; k++) {
                body.run(k, k * BLOCK, Math.min(n, (k + 1) * BLOCK));
            }
        }
    }

    /**
     * Σ_k body.sum(block k), the partial results added in block order: the same bits with any number of threads.
     * Blocks may also write disjoint data (e.g. w ← w − c v and the next dot product in one pass).
     *
     * @param n    the number of indices (≥ 0)
     * @param body the partial result of one block
     * @return the sum of the partial results (0 for n = 0)
     */
    public static double sum(int n, RangeSum body) {
        int blocks = blocks(n);
        if (blocks <= 1) {
            return n > 0 ? body.sum(0, n) : 0.0;
        }
        double[] partial = new double[blocks];
        forEachBlock(n, (k, from, to) -> partial[k] = body.sum(from, to));
        double total = 0.0;
        for (double v : partial) {
            total += v;
        }
        return total;
    }

    /**
     * Runs tasks 0 … count − 1 (of the caller's own partition, e.g. a smoother's blocks of lines), over the pool
     * if {@code parallel} and the machine has 2+ cores; the tasks must write disjoint data.
     *
     * @param count    the number of tasks
     * @param parallel whether the caller's work is large enough to split (e.g. {@link #parallel(int)})
     * @param task     task k's work
     */
    public static void forEachTask(int count, boolean parallel, java.util.function.IntConsumer task) {
        if (count > 1 && parallel && PARALLEL) {
            PARALLEL_RUNS.increment();
            IntStream.range(0, count).parallel().forEach(task);
        } else {
            for (int k = 0; k < count; k++) {
                task.accept(k);
            }
        }
    }
}
