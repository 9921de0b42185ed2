package org.qpspin.linalg.sparse;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Symbolic fill of a sparse factorization in a given symmetric order, without numerics: the number of nonzeros
 * of the Cholesky factor of the symmetrized pattern P (A + Aᵀ) Pᵀ. For an LU without pivoting on a matrix of that
 * pattern, nnz(L) + nnz(U) = 2 × this (both diagonals counted); an unsymmetric pattern can only need less.
 *
 * <p>Algorithm: the symmetrized, permuted pattern below the diagonal, then its {@link EliminationTree} and column
 * counts (Liu's algorithm with path compression, then row subtrees), summed. Time O(nnz(factor)), memory O(n).
 */
public final class SymbolicFill {

    private SymbolicFill() {
    }

    /**
     * {@return nnz of the Cholesky factor (diagonal included) of P (A + Aᵀ) Pᵀ, {@code order} in the convention of
     * {@link Permutations}}
     *
     * @param a the square matrix whose pattern is analysed
     * @param order the symmetric elimination order: order[k] is the column eliminated k-th
     */
    public static long choleskyNonZeros(DMatrixSparseCSC a, int[] order) {
        int n = a.numCols;
        if (a.numRows != n || !Permutations.isPermutation(order, n)) {
            throw new IllegalArgumentException("need a square matrix and a permutation of its " + n + " columns");
        }
        int[] position = Permutations.inverse(order);
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
        // elimination tree and column counts of the factor (duplicates in the upper pattern are harmless)
        EliminationTree.Neighbours upperPattern = new EliminationTree.Neighbours(count, upper);
        long nnz = 0;
        for (int c : EliminationTree.of(n, upperPattern).columnCounts(upperPattern)) {
            nnz += c;
        }
        return nnz;
    }
}
