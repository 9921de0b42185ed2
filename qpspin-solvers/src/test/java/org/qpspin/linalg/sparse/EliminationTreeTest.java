package org.qpspin.linalg.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/**
 * The elimination tree and column counts on plain patterns: two small ones worked by hand, and random ones
 * against a dense symbolic Cholesky (eliminate column k: every pair of its rows below k becomes an entry), which
 * defines both (parent(k) = the first row below k in column k of the factor).
 */
class EliminationTreeTest {

    /** Columns of the lower pattern (rows i &lt; c of column c of a symmetric pattern) as neighbour lists. */
    private static EliminationTree.Neighbours lower(boolean[][] pattern) {
        int n = pattern.length;
        int[] start = new int[n + 1];
        int[] index = new int[n * n];
        int at = 0;
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < c; i++) {
                if (pattern[i][c] || pattern[c][i]) {
                    index[at++] = i;
                }
            }
            start[c + 1] = at;
        }
        return new EliminationTree.Neighbours(start, index);
    }

    private static boolean[][] pattern(int n, int[][] entries) {
        boolean[][] p = new boolean[n][n];
        for (int[] e : entries) {
            p[e[0]][e[1]] = true;
            p[e[1]][e[0]] = true;
        }
        return p;
    }

    @Test
    void anArrowPointingLastIsAStarWithoutFill() {
        // every column joined to column 4 only: parent(k) = 4, no fill, counts 2 2 2 2 1
        boolean[][] arrow = pattern(5, new int[][] {{0, 4}, {1, 4}, {2, 4}, {3, 4}});
        EliminationTree.Neighbours l = lower(arrow);
        EliminationTree tree = EliminationTree.of(5, l);
        assertArrayEquals(new int[] {4, 4, 4, 4, -1}, tree.parentsView());
        assertArrayEquals(new int[] {2, 2, 2, 2, 1}, tree.columnCounts(l));
    }

    @Test
    void anArrowPointingFirstFillsEverything() {
        // column 0 joined to all: eliminating it first makes the rest dense, a path 0 -> 1 -> 2 -> 3 -> 4
        boolean[][] arrow = pattern(5, new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
        EliminationTree.Neighbours l = lower(arrow);
        EliminationTree tree = EliminationTree.of(5, l);
        assertArrayEquals(new int[] {1, 2, 3, 4, -1}, tree.parentsView());
        assertArrayEquals(new int[] {5, 4, 3, 2, 1}, tree.columnCounts(l));
    }

    @Test
    void randomPatternsAgreeWithADenseSymbolicCholesky() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            double density = random.nextDouble() * 0.2;
            boolean[][] p = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (random.nextDouble() < density) {
                        p[i][j] = true;
                        p[j][i] = true;
                    }
                }
            }
            // the same pattern split over two lists (upper and lower halves), as the LU hands over B and Bᵀ
            EliminationTree.Neighbours all = lower(p);
            int[] parent = new int[n];
            int[] count = new int[n];
            boolean[][] f = new boolean[n][];
            for (int i = 0; i < n; i++) {
                f[i] = p[i].clone();
            }
            for (int k = 0; k < n; k++) {
                parent[k] = -1;
                count[k] = 1;
                for (int i = k + 1; i < n; i++) {
                    if (f[i][k]) {
                        count[k]++;
                        if (parent[k] < 0) {
                            parent[k] = i;
                        }
                        for (int j = k + 1; j < n; j++) {
                            if (f[j][k]) {
                                f[i][j] = true;
                            }
                        }
                    }
                }
            }
            EliminationTree tree = EliminationTree.of(n, all);
            assertArrayEquals(parent, tree.parentsView(), "trial " + trial);
            assertArrayEquals(count, tree.columnCounts(all), "trial " + trial);
            // entries at or above the diagonal in a list are ignored: the full symmetric pattern gives the same
            int[] start = new int[n + 1];
            int[] index = new int[n * n];
            int at = 0;
            for (int c = 0; c < n; c++) {
                for (int i = 0; i < n; i++) {
                    if (p[i][c] || i == c) {
                        index[at++] = i;
                    }
                }
                start[c + 1] = at;
            }
            EliminationTree.Neighbours full = new EliminationTree.Neighbours(start, index);
            assertArrayEquals(parent, EliminationTree.of(n, full).parentsView());
            assertArrayEquals(count, EliminationTree.of(n, full).columnCounts(full));
            // and the fill count is their sum
            long sum = 0;
            for (int c : count) {
                sum += c;
            }
            DMatrixSparseCSC a = new DMatrixSparseCSC(n, n, at);
            for (int c = 0; c < n; c++) {
                for (int e = start[c]; e < start[c + 1]; e++) {
                    a.set(index[e], c, 1.0);
                }
            }
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            assertEquals(sum, SymbolicFill.choleskyNonZeros(a, identity));
        }
    }
}
