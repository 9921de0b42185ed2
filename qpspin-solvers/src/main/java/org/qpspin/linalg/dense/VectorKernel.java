package org.qpspin.linalg.dense;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD implementation of {@link DenseKernel#multiplyAdd4x4}: the same fused multiply–adds as the scalar loop
 * ({@link Math#fma}, one rounding each), lane by lane and in the same order, so the two agree bit for bit. Loaded only when
 * {@link DenseKernel#VECTOR} holds: referencing it without the {@code jdk.incubator.vector} module in the boot
 * layer would fail to link.
 */
public final class VectorKernel {

    /** The widest vector shape this CPU runs natively (4 doubles with AVX2). */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorKernel() {
    }

    /**
     * {@return "vector (L lanes)", L the doubles per vector of this CPU's preferred shape, as
     * {@link DenseKernel#describe()} reports it}
     */
    public static String describe() {
        return "vector (" + SPECIES.length() + " lanes)";
    }

    /**
     * dst[d0 + k·ds + c] += or −= Σ_t w_kt src[s0 + t·ss + c] for k, t &lt; 4 and from ≤ c &lt; to, w_kt =
     * weights[w0 + k·wk + t·wt]: {@link DenseKernel#multiplyAdd4x4} lane by lane, the remainder columns by
     * {@link DenseKernel#scalar4x4}; the same bits as the scalar kernel.
     *
     * @param dst      the destination array
     * @param d0       offset of destination row 0 in {@code dst}
     * @param ds       stride between the four destination rows
     * @param src      the source array
     * @param s0       offset of source row 0 in {@code src}
     * @param ss       stride between the four source rows
     * @param weights  the 4 × 4 weights w_kt
     * @param w0       offset of w_00 in {@code weights}
     * @param wk       stride of k (destination row) in {@code weights}
     * @param wt       stride of t (source row) in {@code weights}
     * @param from     first column c (inclusive)
     * @param to       last column c (exclusive)
     * @param subtract whether the combination is subtracted (else added)
     */
    public static void multiplyAdd4x4(double[] dst, int d0, int ds, double[] src, int s0, int ss,
                               double[] weights, int w0, int wk, int wt, int from, int to, boolean subtract) {
        int lanes = SPECIES.length();
        int end = from + (to - from) / lanes * lanes;
        if (end > from) {
            double sign = subtract ? -1.0 : 1.0; // negation is exact: a - w x is then fma(-w, x, a), one rounding
            DoubleVector w00 = DoubleVector.broadcast(SPECIES, sign * weights[w0]);
            DoubleVector w01 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + wt]);
            DoubleVector w02 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 2 * wt]);
            DoubleVector w03 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 3 * wt]);
            DoubleVector w10 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + wk]);
            DoubleVector w11 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + wk + wt]);
            DoubleVector w12 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + wk + 2 * wt]);
            DoubleVector w13 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + wk + 3 * wt]);
            DoubleVector w20 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 2 * wk]);
            DoubleVector w21 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 2 * wk + wt]);
            DoubleVector w22 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 2 * wk + 2 * wt]);
            DoubleVector w23 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 2 * wk + 3 * wt]);
            DoubleVector w30 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 3 * wk]);
            DoubleVector w31 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 3 * wk + wt]);
            DoubleVector w32 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 3 * wk + 2 * wt]);
            DoubleVector w33 = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 3 * wk + 3 * wt]);
            int dst1 = d0 + ds;
            int dst2 = dst1 + ds;
            int dst3 = dst2 + ds;
            int src1 = s0 + ss;
            int src2 = src1 + ss;
            int src3 = src2 + ss;
            for (int c = from; c < end; c += lanes) {
                DoubleVector x0 = DoubleVector.fromArray(SPECIES, src, s0 + c);
                DoubleVector x1 = DoubleVector.fromArray(SPECIES, src, src1 + c);
                DoubleVector x2 = DoubleVector.fromArray(SPECIES, src, src2 + c);
                DoubleVector x3 = DoubleVector.fromArray(SPECIES, src, src3 + c);
                DoubleVector a0 = DoubleVector.fromArray(SPECIES, dst, d0 + c);
                DoubleVector a1 = DoubleVector.fromArray(SPECIES, dst, dst1 + c);
                DoubleVector a2 = DoubleVector.fromArray(SPECIES, dst, dst2 + c);
                DoubleVector a3 = DoubleVector.fromArray(SPECIES, dst, dst3 + c);
                w03.fma(x3, w02.fma(x2, w01.fma(x1, w00.fma(x0, a0)))).intoArray(dst, d0 + c);
                w13.fma(x3, w12.fma(x2, w11.fma(x1, w10.fma(x0, a1)))).intoArray(dst, dst1 + c);
                w23.fma(x3, w22.fma(x2, w21.fma(x1, w20.fma(x0, a2)))).intoArray(dst, dst2 + c);
                w33.fma(x3, w32.fma(x2, w31.fma(x1, w30.fma(x0, a3)))).intoArray(dst, dst3 + c);
            }
        }
        DenseKernel.scalar4x4(dst, d0, ds, src, s0, ss, weights, w0, wk, wt, end, to, subtract);
    }

    /**
     * dst[d0 + c] += or −= ((w_0 x_0 + w_1 x_1) + w_2 x_2) + w_3 x_3, x_t = src[s0 + t·ss + c], w_t =
     * weights[w0 + t·wt], for from ≤ c &lt; to: {@link DenseKernel#multiplyAdd1x4} lane by lane, the same bits.
     *
     * @param dst      the destination array
     * @param d0       offset of the destination row in {@code dst}
     * @param src      the source array
     * @param s0       offset of source row 0 in {@code src}
     * @param ss       stride between the four source rows
     * @param weights  the four weights w_t
     * @param w0       offset of w_0 in {@code weights}
     * @param wt       stride of t in {@code weights}
     * @param from     first column c (inclusive)
     * @param to       last column c (exclusive)
     * @param subtract whether the combination is subtracted (else added)
     */
    public static void multiplyAdd1x4(double[] dst, int d0, double[] src, int s0, int ss, double[] weights, int w0, int wt,
                               int from, int to, boolean subtract) {
        int lanes = SPECIES.length();
        int end = from + (to - from) / lanes * lanes;
        if (end > from) {
            double sign = subtract ? -1.0 : 1.0;
            DoubleVector w0v = DoubleVector.broadcast(SPECIES, sign * weights[w0]);
            DoubleVector w1v = DoubleVector.broadcast(SPECIES, sign * weights[w0 + wt]);
            DoubleVector w2v = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 2 * wt]);
            DoubleVector w3v = DoubleVector.broadcast(SPECIES, sign * weights[w0 + 3 * wt]);
            int src1 = s0 + ss;
            int src2 = src1 + ss;
            int src3 = src2 + ss;
            for (int c = from; c < end; c += lanes) {
                DoubleVector a = DoubleVector.fromArray(SPECIES, dst, d0 + c);
                a = w0v.fma(DoubleVector.fromArray(SPECIES, src, s0 + c), a);
                a = w1v.fma(DoubleVector.fromArray(SPECIES, src, src1 + c), a);
                a = w2v.fma(DoubleVector.fromArray(SPECIES, src, src2 + c), a);
                a = w3v.fma(DoubleVector.fromArray(SPECIES, src, src3 + c), a);
                a.intoArray(dst, d0 + c);
            }
        }
        DenseKernel.scalar1x4(dst, d0, src, s0, ss, weights, w0, wt, end, to, subtract);
    }
}
