package org.qpspin.linalg.lu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/** The symbolic phase of the multifrontal LU on plain patterns, apart from any number. */
class SupernodalAnalysisTest {

    /** A tridiagonal n × n pattern (a birth–death chain). */
    private static DMatrixSparseCSC tridiagonal(int n) {
        DMatrixSparseCSC a = new DMatrixSparseCSC(n, n, 3 * n);
        for (int c = 0; c < n; c++) {
            for (int r = Math.max(0, c - 1); r <= Math.min(n - 1, c + 1); r++) {
                a.set(r, c, r == c ? -2.0 : 1.0);
            }
        }
        return a;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    @Test
    void aTridiagonalPatternIsOneChainOfRelaxedSupernodes() {
        int n = 40;
        SupernodalAnalysis s = SupernodalAnalysis.of(tridiagonal(n), identity(n));
        // the tree is the path 0 -> 1 -> ... -> n-1, two entries per column but the last
        for (int c = 0; c + 1 < n; c++) {
            assertEquals(c + 1, s.tree().parent(c));
            assertEquals(2, s.columnCountsView()[c]);
        }
        assertEquals(1, s.columnCountsView()[n - 1]);
        // count(j) = count(j+1) + 1 holds only at the end, so supernodes are the relaxed chains of 16 columns,
        // each with one struct row (the next supernode's first column)
        assertEquals(3, s.supernodes());
        assertArrayEquals(new int[] {0, 16, 32, 40},
                new int[] {s.supernodeStart(0), s.supernodeStart(1), s.supernodeStart(2), s.supernodeStart(3)});
        int[] first = s.frontRows(0);
        assertEquals(17, first.length);
        assertEquals(16, first[16]);
        assertEquals(8, s.frontRows(2).length);
        assertEquals(1, s.supernodeParent(0));
        assertEquals(-1, s.supernodeParent(2));
        assertEquals(17, s.largestFront());
    }

    @Test
    void theReverseOrderGivesTheSameShape() {
        int n = 10;
        int[] reverse = new int[n];
        for (int i = 0; i < n; i++) {
            reverse[i] = n - 1 - i;
        }
        SupernodalAnalysis s = SupernodalAnalysis.of(tridiagonal(n), reverse);
        assertArrayEquals(reverse, s.order());
        assertEquals(1, s.supernodes());
        assertEquals(n, s.frontRows(0).length);
    }

    @Test
    void aNonPermutationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SupernodalAnalysis.of(tridiagonal(3), new int[] {0, 0, 1}));
    }

    @Test
    void valuesOfAnotherPatternAreRefused() {
        SupernodalAnalysis s = SupernodalAnalysis.of(tridiagonal(5), identity(5));
        assertThrows(IllegalArgumentException.class, () -> MultifrontalGth.factorize(s, tridiagonal(6)));
    }
}
