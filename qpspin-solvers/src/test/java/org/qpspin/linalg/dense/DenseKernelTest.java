package org.qpspin.linalg.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dense kernel's two implementations (SIMD and scalar) against the formula written out, bit for bit, in both
 * multiplier layouts the eliminations use, on segment lengths around the vector width (remainders included).
 */
class DenseKernelTest {

    /**
     * The build runs the tests with --add-modules jdk.incubator.vector (pom.xml), so the SIMD kernel is available;
     * announcing a large chain compiles it on a background thread and then switches it on. (A liveness check: the
     * wait is a generous cap, not a speed requirement; the switch takes well under a second here.)
     */
    @Test
    void aLargeChainSwitchesTheSimdKernelOn() throws InterruptedException {
        assertTrue(DenseKernel.VECTOR, "surefire's argLine should add jdk.incubator.vector");
        DenseKernel.prepareFor(DenseKernel.WARM_UP_STATES);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!DenseKernel.vectorInUse() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(DenseKernel.vectorInUse(), DenseKernel.describe());
        assertTrue(DenseKernel.describe().startsWith("vector ("), DenseKernel.describe());
    }

    static Stream<Arguments> cases() {
        return IntStream.rangeClosed(0, 37).boxed().flatMap(length -> Stream.of(
                Arguments.of(length, false, 11L * length + 1), Arguments.of(length, true, 13L * length + 2)));
    }

    /**
     * PanelUpdate's layout: weights by pivot (w_kt = mult[w0 + k + t·ms]), destination rows {@code cols} apart,
     * source rows in another array.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void fourRowsByPivotLayout(int length, boolean subtract, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int cols = length + 9;
        int from = 3;
        int to = from + length;
        double[] block = randomArray(random, 6 * cols);
        double[] rows = randomArray(random, 4 * cols + 5);
        int ms = 7;
        double[] mult = randomArray(random, 4 * ms + 2);
        int d0 = cols + 1;
        int s0 = 2;
        int w0 = 1;
        double[] expected = block.clone();
        for (int k = 0; k < 4; k++) {
            for (int c = from; c < to; c++) {
                int at = d0 + k * cols + c;
                expected[at] = fused(expected[at], subtract, mult[w0 + k], rows[s0 + c], mult[w0 + k + ms],
                        rows[s0 + cols + c], mult[w0 + k + 2 * ms], rows[s0 + 2 * cols + c], mult[w0 + k + 3 * ms],
                        rows[s0 + 3 * cols + c]);
            }
        }
        double[] vector = block.clone();
        VectorKernel.multiplyAdd4x4(vector, d0, cols, rows, s0, cols, mult, w0, 1, ms, from, to, subtract);
        double[] scalar = block.clone();
        DenseKernel.scalar4x4(scalar, d0, cols, rows, s0, cols, mult, w0, 1, ms, from, to, subtract);
        assertArrayEquals(expected, scalar, 0.0);
        assertArrayEquals(expected, vector, 0.0);
        assertBitIdentical(expected, vector);
    }

    /**
     * MultifrontalGth's layout: the weights are the destination rows' own entries left of the columns written
     * (w_kt = a[d0 + k·fa + p + t]), the sources rows of another part of the same array.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void fourRowsInPlaceLayout(int length, boolean subtract, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int p = 0;
        int columnFrom = 4;
        int fa = columnFrom + length + 3;
        double[] front = randomArray(random, 12 * fa);
        int d0 = 8 * fa; // rows 8..11 receive
        int s0 = fa;     // rows 1..4 give
        double[] expected = front.clone();
        for (int k = 0; k < 4; k++) {
            for (int c = columnFrom; c < columnFrom + length; c++) {
                int row = d0 + k * fa;
                expected[row + c] = fused(expected[row + c], subtract, front[row + p], front[s0 + c],
                        front[row + p + 1], front[s0 + fa + c], front[row + p + 2], front[s0 + 2 * fa + c],
                        front[row + p + 3], front[s0 + 3 * fa + c]);
            }
        }
        double[] vector = front.clone();
        VectorKernel.multiplyAdd4x4(vector, d0, fa, vector, s0, fa, vector, d0 + p, fa, 1, columnFrom,
                columnFrom + length, subtract);
        double[] scalar = front.clone();
        DenseKernel.scalar4x4(scalar, d0, fa, scalar, s0, fa, scalar, d0 + p, fa, 1, columnFrom,
                columnFrom + length, subtract);
        assertBitIdentical(expected, scalar);
        assertBitIdentical(expected, vector);
    }

    /** One destination row against four source rows (the forward substitution of a front). */
    @ParameterizedTest
    @MethodSource("cases")
    void oneRow(int length, boolean subtract, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int fa = length + 10;
        double[] front = randomArray(random, 8 * fa);
        int d0 = 6 * fa;
        int s0 = 0;
        int w0 = d0 + 1;
        int from = 6;
        double[] expected = front.clone();
        for (int c = from; c < from + length; c++) {
            expected[d0 + c] = fused(expected[d0 + c], subtract, front[w0], front[s0 + c], front[w0 + 1],
                    front[s0 + fa + c], front[w0 + 2], front[s0 + 2 * fa + c], front[w0 + 3], front[s0 + 3 * fa + c]);
        }
        double[] vector = front.clone();
        VectorKernel.multiplyAdd1x4(vector, d0, vector, s0, fa, vector, w0, 1, from, from + length, subtract);
        double[] scalar = front.clone();
        DenseKernel.scalar1x4(scalar, d0, scalar, s0, fa, scalar, w0, 1, from, from + length, subtract);
        assertBitIdentical(expected, scalar);
        assertBitIdentical(expected, vector);
    }

    /** Zero, infinite and NaN inputs propagate the same way in both implementations (IEEE lane by lane; NaN as NaN). */
    @Test
    void specialValuesPropagateAlike() {
        int cols = 12;
        double[] rows = new double[4 * cols];
        double[] mult = {0.0, 1.0, 2.0, 3.0, 0.5, 0.25, 0.125, 1.5, 0.0, 0.0, 0.0, 0.0, 4.0, 8.0, 16.0, 32.0};
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i % 5 == 0 ? Double.POSITIVE_INFINITY : i % 7 == 0 ? Double.NaN : i;
        }
        double[] vector = new double[4 * cols];
        double[] scalar = new double[4 * cols];
        VectorKernel.multiplyAdd4x4(vector, 0, cols, rows, 0, cols, mult, 0, 4, 1, 0, cols, false);
        DenseKernel.scalar4x4(scalar, 0, cols, rows, 0, cols, mult, 0, 4, 1, 0, cols, false);
        assertBitIdentical(scalar, vector);
        assertEquals(Double.POSITIVE_INFINITY, scalar[cols]); // row 1, column 0: 0.5 × ∞ + …
        assertTrue(Double.isNaN(scalar[0])); // row 0, column 0: 0 × ∞ = NaN, as IEEE says
    }

    /** A block is skipped only when all its weights are ±0; one non-zero (or NaN) weight anywhere keeps it. */
    @Test
    void zeroWeightsSeesEveryWeightOfTheBlock() {
        int wk = 5;
        int wt = 7;
        double[] weights = new double[4 * wk + 4 * wt + 3];
        weights[2 + 3 * wk + 3 * wt] = -0.0;
        assertTrue(DenseKernel.zeroWeights(weights, 2, wk, wt, 4));
        for (int k = 0; k < 4; k++) {
            for (int t = 0; t < 4; t++) {
                for (double value : new double[] {Double.MIN_VALUE, -1.0, Double.NaN}) {
                    double[] w = weights.clone();
                    w[2 + k * wk + t * wt] = value;
                    assertTrue(!DenseKernel.zeroWeights(w, 2, wk, wt, 4), "k " + k + " t " + t + " " + value);
                    assertEquals(k != 0, DenseKernel.zeroWeights(w, 2, wk, wt, 1), "rows = 1 sees row 0 only");
                }
            }
        }
    }

    private static double[] randomArray(SplittableRandom random, int size) {
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = Math.scalb(random.nextDouble(), random.nextInt(-30, 30));
        }
        return a;
    }

    /**
     * The kernels' documented formula for one entry: a ± w0 x0 ± w1 x1 ± w2 x2 ± w3 x3 as four fused multiply–adds
     * from the destination's value, the sign in the (exactly negated) weight.
     */
    private static double fused(double a, boolean subtract, double w0, double x0, double w1, double x1, double w2,
                                double x2, double w3, double x3) {
        double s = subtract ? -1.0 : 1.0;
        return Math.fma(s * w3, x3, Math.fma(s * w2, x2, Math.fma(s * w1, x1, Math.fma(s * w0, x0, a))));
    }

    private static void assertBitIdentical(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i]) && Double.isNaN(actual[i])) {
                continue; // a NaN's sign and payload are not specified by IEEE 754 and differ between SIMD and scalar
            }
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    "entry " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }
}
