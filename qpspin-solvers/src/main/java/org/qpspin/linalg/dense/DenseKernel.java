package org.qpspin.linalg.dense;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The register-blocked 4 × 4 multiply–add that the dense eliminations spend their time in ({@link PanelUpdate}
 * for the level solver, {@link org.qpspin.linalg.lu.MultifrontalGth#update} for the sparse LU): four destination rows each receive a
 * combination of the same four source rows,
 *
 * <pre>
 *   dst[d_k + c] ← fma(±w_k3, x_3, fma(±w_k2, x_2, fma(±w_k1, x_1, fma(±w_k0, x_0, dst[d_k + c])))),
 *                                                                               x_t = src[s_t + c],
 * </pre>
 *
 * for k = 0…3 and from ≤ c &lt; to, with the weight w_kt = weights[w0 + k·wk + t·wt] (so a caller passes its own
 * multiplier layout: by pivot or row-major) and d_k = d0 + k·ds, s_t = s0 + t·ss. The 16 weights are read once,
 * before the loop, so they may live in the destination's own array outside the columns written.
 *
 * <p>Each product is fused with its addition ({@link Math#fma}: one rounding instead of two, and half the
 * floating-point instructions); the sign of a subtraction goes into the weight, which is exact, so an update that
 * was subtraction-free stays so (the same terms with the same signs, rounded once each).
 *
 * <p>Two implementations with the same operations in the same order, hence bit-identical results: SIMD lanes
 * through the JDK's Vector API ({@code jdk.incubator.vector}, JEP 414), used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code qpspin} script, the tests and the benchmarks do) and once
 * the JIT has compiled it ({@link #prepareFor}), and a scalar loop otherwise or with
 * {@code -Dqpspin.scalarKernels=true}. Why SIMD by hand: HotSpot's auto-vectorizer
 * (SuperWord) leaves these loops scalar, since their loads and stores go through the same {@code double[]} at
 * offsets it cannot prove apart; on the 2-core development machine the SIMD kernel runs at about 2× the scalar
 * one (docs/benchmarks.md, "Dense kernel").
 *
 * <p>Requirement (not checked, as in BLAS): the destination segments do not overlap the source segments.
 */
public final class DenseKernel {

    /** Whether the SIMD implementation is available (the module is present and not switched off). */
    public static final boolean VECTOR = !Boolean.getBoolean("qpspin.scalarKernels")
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /** Chains of at least this many states start the SIMD kernel's warm-up ({@link #prepareFor}). */
    public static final int WARM_UP_STATES = 50_000;
    /** Warm-up batches: calls per batch, and the drop from the first batch's time that says "compiled". */
    private static final int WARM_UP_BATCH = 500;
    private static final double COMPILED_SPEED_UP = 50.0;
    /** The warm-up gives up (the scalar kernel stays) after this many seconds. */
    private static final double WARM_UP_LIMIT_SECONDS = 5.0;

    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();
    /** Set by the warm-up thread once the JIT has compiled the SIMD kernels; until then the scalar ones run. */
    private static volatile boolean vectorCompiled;

    private DenseKernel() {
    }

    /**
     * {@return the kernel in use now, by name: "vector (N lanes)", "scalar", or why the SIMD one is not running yet
     * (compiling, or not started because no chain of {@value #WARM_UP_STATES}+ states was factorized)}
     */
    public static String describe() {
        if (!VECTOR) {
            return "scalar";
        }
        if (vectorCompiled) {
            return VectorKernel.describe();
        }
        return WARM_UP_STARTED.get() ? "scalar (SIMD being compiled)"
                : "scalar (SIMD only for chains of " + WARM_UP_STATES + "+ states)";
    }

    /**
     * Announces a factorization of {@code states} states: for {@value #WARM_UP_STATES} states or more, and once per
     * JVM, starts compiling the SIMD kernels on a background thread. Why: until the JIT has compiled them, Vector API
     * calls run as ordinary Java objects, tens of times slower than the scalar loop (the first 20 000 calls cost
     * ≈ 0.2–0.3 s), which made a single cold solve at 10⁶ states 15–20 % slower than with the scalar kernel. The
     * scalar kernel runs until the SIMD one is ready; both give the same bits, so the switch is invisible.
     *
     * @param states the size of the chain about to be factorized
     */
    public static void prepareFor(int states) {
        if (VECTOR && states >= WARM_UP_STATES && WARM_UP_STARTED.compareAndSet(false, true)) {
            Thread warmUp = new Thread(() -> {
                try {
                    warmUp();
                } catch (LinkageError unusable) {
                    // a runtime whose Vector API cannot link: vectorCompiled stays false, the scalar kernels work
                }
            }, "qpspin-simd-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    /** {@return whether the SIMD kernels are compiled and in use} */
    public static boolean vectorInUse() {
        return vectorCompiled;
    }

    /**
     * Calls both SIMD kernels on a small block in batches of {@value #WARM_UP_BATCH} until three batches in a row
     * take at most 1/{@value #COMPILED_SPEED_UP} of the first (interpreted) one, then switches them on; gives up
     * after {@value #WARM_UP_LIMIT_SECONDS} s (e.g. a JVM run without its optimizing compiler), leaving the scalar
     * kernels in use.
     */
    private static void warmUp() {
        int width = 16;
        double[] block = new double[4 * width];
        double[] rows = new double[4 * width];
        double[] weights = new double[16];
        java.util.Arrays.fill(rows, 0x1p-20);
        java.util.Arrays.fill(weights, 0x1p-20);
        long start = System.nanoTime();
        long first = -1;
        int fast = 0;
        while (System.nanoTime() - start < WARM_UP_LIMIT_SECONDS * 1e9) {
            long t0 = System.nanoTime();
            for (int k = 0; k < WARM_UP_BATCH; k++) {
                VectorKernel.multiplyAdd4x4(block, 0, width, rows, 0, width, weights, 0, 4, 1, 0, width, (k & 1) == 0);
                VectorKernel.multiplyAdd1x4(block, 0, rows, 0, width, weights, 0, 1, 0, width, (k & 1) == 0);
            }
            long time = System.nanoTime() - t0;
            if (first < 0) {
                first = time;
            } else if (time * COMPILED_SPEED_UP <= first) {
                if (++fast == 3) {
                    vectorCompiled = true;
                    return;
                }
            } else {
                fast = 0;
            }
        }
    }

    /**
     * dst[d0 + k·ds + c] += or −= Σ_t w_kt src[s0 + t·ss + c] (formula and order in the class comment).
     *
     * @param subtract whether the combination is subtracted (else added)
     * @param dst the destination array
     * @param d0 offset of destination row 0 in {@code dst}
     * @param ds stride between the four destination rows
     * @param src the source array
     * @param s0 offset of source row 0 in {@code src}
     * @param ss stride between the four source rows
     * @param weights the 4 × 4 weights w_kt
     * @param w0 offset of w_00 in {@code weights}
     * @param wk stride of k (destination row) in {@code weights}
     * @param wt stride of t (source row) in {@code weights}
     * @param from first column c (inclusive)
     * @param to last column c (exclusive)
     */
    public static void multiplyAdd4x4(double[] dst, int d0, int ds, double[] src, int s0, int ss,
                               double[] weights, int w0, int wk, int wt, int from, int to, boolean subtract) {
        if (vectorCompiled) {
            VectorKernel.multiplyAdd4x4(dst, d0, ds, src, s0, ss, weights, w0, wk, wt, from, to, subtract);
        } else {
            scalar4x4(dst, d0, ds, src, s0, ss, weights, w0, wk, wt, from, to, subtract);
        }
    }

    /**
     * One destination row: dst[d0 + c] ← fma(±w_3, x_3, fma(±w_2, x_2, fma(±w_1, x_1, fma(±w_0, x_0, dst[d0 + c])))),
     * x_t = src[s0 + t·ss + c],
     * w_t = weights[w0 + t·wt], for from ≤ c &lt; to (the forward substitutions of the sparse LU's fronts).
     *
     * @param dst the destination array
     * @param d0 offset of the destination row in {@code dst}
     * @param src the source array
     * @param s0 offset of source row 0 in {@code src}
     * @param ss stride between the four source rows
     * @param weights the four weights w_t
     * @param w0 offset of w_0 in {@code weights}
     * @param wt stride of t in {@code weights}
     * @param from first column c (inclusive)
     * @param to last column c (exclusive)
     * @param subtract whether the combination is subtracted (else added)
     */
    public static void multiplyAdd1x4(double[] dst, int d0, double[] src, int s0, int ss, double[] weights, int w0, int wt,
                               int from, int to, boolean subtract) {
        if (vectorCompiled) {
            VectorKernel.multiplyAdd1x4(dst, d0, src, s0, ss, weights, w0, wt, from, to, subtract);
        } else {
            scalar1x4(dst, d0, src, s0, ss, weights, w0, wt, from, to, subtract);
        }
    }

    /**
     * The scalar implementation of {@link #multiplyAdd1x4} (also the SIMD one's remainder loop).
     *
     * @param dst the destination array
     * @param d0 offset of the destination row in {@code dst}
     * @param src the source array
     * @param s0 offset of source row 0 in {@code src}
     * @param ss stride between the four source rows
     * @param weights the four weights w_t
     * @param w0 offset of w_0 in {@code weights}
     * @param wt stride of t in {@code weights}
     * @param from first column c (inclusive)
     * @param to last column c (exclusive)
     * @param subtract whether the combination is subtracted (else added)
     */
    public static void scalar1x4(double[] dst, int d0, double[] src, int s0, int ss, double[] weights, int w0, int wt,
                          int from, int to, boolean subtract) {
        double sign = subtract ? -1.0 : 1.0; // negation is exact: a − w x is fma(−w, x, a), one rounding
        double w0v = sign * weights[w0];
        double w1v = sign * weights[w0 + wt];
        double w2v = sign * weights[w0 + 2 * wt];
        double w3v = sign * weights[w0 + 3 * wt];
        int src1 = s0 + ss;
        int src2 = src1 + ss;
        int src3 = src2 + ss;
        for (int c = from; c < to; c++) {
            dst[d0 + c] = Math.fma(w3v, src[src3 + c], Math.fma(w2v, src[src2 + c],
                    Math.fma(w1v, src[src1 + c], Math.fma(w0v, src[s0 + c], dst[d0 + c]))));
        }
    }

    /**
     * {@return whether the weights w_kt = weights[w0 + k·wk + t·wt], k &lt; rows, t &lt; 4, are all zero: a block of
     * multipliers whose update changes nothing (sparse fronts and level blocks have many), which callers skip}
     *
     * @param weights the weights array
     * @param w0 offset of w_00 in {@code weights}
     * @param wk stride of k (row) in {@code weights}
     * @param wt stride of t (term) in {@code weights}
     * @param rows how many rows k to look at
     */
    public static boolean zeroWeights(double[] weights, int w0, int wk, int wt, int rows) {
        for (int k = 0; k < rows; k++) {
            for (int t = 0; t < 4; t++) {
                if (weights[w0 + k * wk + t * wt] != 0.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The scalar implementation of {@link #multiplyAdd4x4} (also the SIMD one's remainder loop).
     *
     * @param dst the destination array
     * @param d0 offset of destination row 0 in {@code dst}
     * @param ds stride between the four destination rows
     * @param src the source array
     * @param s0 offset of source row 0 in {@code src}
     * @param ss stride between the four source rows
     * @param weights the 4 × 4 weights w_kt
     * @param w0 offset of w_00 in {@code weights}
     * @param wk stride of k (destination row) in {@code weights}
     * @param wt stride of t (source row) in {@code weights}
     * @param from first column c (inclusive)
     * @param to last column c (exclusive)
     * @param subtract whether the combination is subtracted (else added)
     */
    public static void scalar4x4(double[] dst, int d0, int ds, double[] src, int s0, int ss,
                       double[] weights, int w0, int wk, int wt, int from, int to, boolean subtract) {
        double sign = subtract ? -1.0 : 1.0;
        double w00 = sign * weights[w0];
        double w01 = sign * weights[w0 + wt];
        double w02 = sign * weights[w0 + 2 * wt];
        double w03 = sign * weights[w0 + 3 * wt];
        double w10 = sign * weights[w0 + wk];
        double w11 = sign * weights[w0 + wk + wt];
        double w12 = sign * weights[w0 + wk + 2 * wt];
        double w13 = sign * weights[w0 + wk + 3 * wt];
        double w20 = sign * weights[w0 + 2 * wk];
        double w21 = sign * weights[w0 + 2 * wk + wt];
        double w22 = sign * weights[w0 + 2 * wk + 2 * wt];
        double w23 = sign * weights[w0 + 2 * wk + 3 * wt];
        double w30 = sign * weights[w0 + 3 * wk];
        double w31 = sign * weights[w0 + 3 * wk + wt];
        double w32 = sign * weights[w0 + 3 * wk + 2 * wt];
        double w33 = sign * weights[w0 + 3 * wk + 3 * wt];
        int dst1 = d0 + ds;
        int dst2 = dst1 + ds;
        int dst3 = dst2 + ds;
        int src1 = s0 + ss;
        int src2 = src1 + ss;
        int src3 = src2 + ss;
        for (int c = from; c < to; c++) {
            double x0 = src[s0 + c];
            double x1 = src[src1 + c];
            double x2 = src[src2 + c];
            double x3 = src[src3 + c];
            dst[d0 + c] = Math.fma(w03, x3, Math.fma(w02, x2, Math.fma(w01, x1, Math.fma(w00, x0, dst[d0 + c]))));
            dst[dst1 + c] = Math.fma(w13, x3, Math.fma(w12, x2, Math.fma(w11, x1, Math.fma(w10, x0, dst[dst1 + c]))));
            dst[dst2 + c] = Math.fma(w23, x3, Math.fma(w22, x2, Math.fma(w21, x1, Math.fma(w20, x0, dst[dst2 + c]))));
            dst[dst3 + c] = Math.fma(w33, x3, Math.fma(w32, x2, Math.fma(w31, x1, Math.fma(w30, x0, dst[dst3 + c]))));
        }
    }
}
