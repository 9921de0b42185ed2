package org.qpspin.linalg.sparse;

import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.ordering.Orderings;

/**
 * Symbolic fill of a sparse factorization in a given symmetric order, without numerics: the number of nonzeros
 * of the Cholesky factor of the symmetrized pattern P (A + Aᵀ) Pᵀ. For an LU without pivoting on a matrix of that
 * pattern, nnz(L) + nnz(U) = 2 × this (both diagonals counted); an unsymmetric pattern can only need less.
 *
 * <p>Algorithm: the elimination tree by Liu's algorithm with path compression, then row counts by walking each
 * row's subtree (row i of the factor is the union of the tree paths from the nonzeros of row i of A up to i;
 * J. W. H. Liu, "The role of elimination trees in sparse factorization", SIAM J. Matrix Anal. Appl. 11, 134
 * (1990)). Time O(nnz(factor)), memory O(n).
 */
public final class SymbolicFill {

    private SymbolicFill() {
    }

    /**
     * nnz of the Cholesky factor (diagonal included) of P (A + Aᵀ) Pᵀ, {@code order} in the convention of
     * {@link Orderings}.
     */
    public static long choleskyNonZeros(DMatrixSparseCSC a, int[] order) {
        int n = a.numCols;
        if (a.numRows != n || !Orderings.isPermutation(order, n)) {
            throw new IllegalArgumentException("need a square matrix and a permutation of its " + n + " columns");
        }
        int[] position = Orderings.inverse(order);
        // symmetrized, permuted pattern: for each column c, the rows r < c with (r, c) or (c, r) in P A Pᵀ
        int[] count = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++) {
                int r = position[a.nz_rows[e]];
                int c = position[j];
                if (r != c) {
                    count[Math.max(r, c) + 1]++;
                }
            }
        }
        for (int c = 0; c < n; c++) {
            count[c + 1] += count[c];
        }
        int[] upper = new int[count[n]];
        int[] fillPos = count.clone();
        for (int j = 0; j < n; j++) {
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++) {
                int r = position[a.nz_rows[e]];
                int c = position[j];
                if (r != c) {
                    upper[fillPos[Math.max(r, c)]++] = Math.min(r, c);
                }
            }
        }
        // elimination tree (duplicates in the upper pattern are harmless)
        int[] parent = new int[n];
        int[] ancestor = new int[n];
        for (int c = 0; c < n; c++) {
            parent[c] = -1;
            ancestor[c] = -1;
            for (int e = count[c]; e < count[c + 1]; e++) {
                linkToEliminationTree(upper[e], c, parent, ancestor);
            }
        }
        // row subtrees: row c of the factor has an entry in column k for each k on the paths from its nonzeros
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        long nnz = n;
        for (int c = 0; c < n; c++) {
            mark[c] = c;
            for (int e = count[c]; e < count[c + 1]; e++) {
                for (int k = upper[e]; mark[k] != c; k = parent[k]) {
                    nnz++;
                    mark[k] = c;
                }
            }
        }
        return nnz;
    }

    /**
     * One entry (i, c), i &lt; c, of Liu's elimination-tree construction with path compression (J. W. H. Liu,
     * SIAM J. Matrix Anal. Appl. 11, 134 (1990); T. A. Davis, "Direct Methods for Sparse Linear Systems", 2006,
     * cs_etree): climbs from i along the compressed ancestors, making c the root of i's subtree.
     *
     * @param parent   elimination-tree parents so far (−1: none yet), updated
     * @param ancestor path-compressed ancestors (−1: none yet), updated
     */
    public static void linkToEliminationTree(int i, int c, int[] parent, int[] ancestor) {
        while (i != -1 && i < c) {
            int next = ancestor[i];
            ancestor[i] = c;
            if (next == -1) {
                parent[i] = c;
            }
            i = next;
        }
    }
}
