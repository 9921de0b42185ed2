package org.qpspin.linalg.sparse;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Which states a chain can reach: breadth-first search over the positive off-diagonal entries of a generator in
 * the column convention (L[i][j] = rate(j → i), so column j lists where j goes). O(n + nnz).
 */
public final class Reachability {

    private Reachability() {
    }

    /**
     * {@return reached[i] = whether state i can be reached from {@code start} (start itself included)}
     *
     * @param l a generator (CSC, column j holds the rates out of state j)
     * @param start the state the walk starts from
     */
    public static boolean[] from(DMatrixSparseCSC l, int start) {
        int n = l.numCols;
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        queue[tail++] = start;
        seen[start] = true;
        for (int head = 0; head < tail; head++) {
            int j = queue[head];
            for (int e = l.col_idx[j]; e < l.col_idx[j + 1]; e++) {
                int i = l.nz_rows[e];
                if (!seen[i] && l.nz_values[e] > 0.0) {
                    seen[i] = true;
                    queue[tail++] = i;
                }
            }
        }
        return seen;
    }
}
