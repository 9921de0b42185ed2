package org.qpspin.ordering;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.ComputePermutation;
import org.qpspin.linalg.sparse.Permutations;
import org.qpspin.space.StateSpace;

/**
 * Fill-reducing orderings for sparse factorizations of generators on a {@link StateSpace}, and their adapter to
 * EJML's {@link ComputePermutation} hook (EJML 0.46 ships only NONE, IDENTITY and RANDOM).
 *
 * <p>An ordering is an {@code int[] order} with {@code order[k]} = the state placed k-th (CSparse convention
 * "p"); it is applied symmetrically, B = P A Pᵀ with B[r][c] = A[order[r]][order[c]].
 */
public final class Orderings {

    private Orderings() {
    }

    /**
     * {@return the identity order 0, 1, …, n−1 (level by level for a {@link StateSpace})}
     *
     * @param n the number of states
     */
    public static int[] natural(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * {@return nested dissection of the (N, m) grid, see {@link NestedDissection}}
     *
     * @param space the truncated state space
     */
    public static int[] nestedDissection(StateSpace space) {
        return NestedDissection.order(space);
    }

    /**
     * {@return nested dissection of the (N, m) lattice along the directions in which {@code pattern}'s stencil is
     * thinnest, see {@link LatticeDissection}}
     *
     * @param space   the truncated state space
     * @param pattern a square matrix on {@code space} (CSC; only the positions of its entries are read)
     * @throws IllegalArgumentException if the matrix does not have one row and column per state
     */
    public static int[] latticeDissection(StateSpace space, DMatrixSparseCSC pattern) {
        return LatticeDissection.order(space, pattern);
    }

    /**
     * A copy of {@code order} with {@code state} moved to the end, the others keeping their relative order.
     *
     * @param order a permutation
     * @param state the entry moved to the end
     * @return the new order
     * @throws IllegalArgumentException if {@code state} does not occur in {@code order}
     */
    public static int[] withLast(int[] order, int state) {
        int[] result = new int[order.length];
        int j = 0;
        boolean found = false;
        for (int s : order) {
            if (s == state) {
                found = true;
            } else if (j < result.length - 1) {
                result[j++] = s;
            } else {
                break;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("state " + state + " is not in the order");
        }
        result[result.length - 1] = state;
        return result;
    }

    /**
     * {@return whether {@code order} holds each of 0 … n−1 exactly once ({@link Permutations#isPermutation})}
     *
     * @param order the candidate permutation
     * @param n its expected length and range
     */
    public static boolean isPermutation(int[] order, int n) {
        return Permutations.isPermutation(order, n);
    }

    /**
     * {@return inverse[order[k]] = k ({@link Permutations#inverse})}
     *
     * @param order a permutation of 0 … n−1
     */
    public static int[] inverse(int[] order) {
        return Permutations.inverse(order);
    }

    /**
     * {@return a {@link ComputePermutation} that hands a fixed symmetric order to EJML (as both its row and column
     * permutation)} {@code process} only checks the matrix size: the order was computed from the geometry.
     *
     * @param order the symmetric order, a permutation of the matrix's columns
     */
    public static ComputePermutation<DMatrixSparseCSC> fixed(int[] order) {
        return new Fixed(order);
    }

    private static final class Fixed extends ComputePermutation<DMatrixSparseCSC> {
        private final int[] order;

        Fixed(int[] order) {
            super(true, true);
            this.order = order.clone();
        }

        @Override
        public void process(DMatrixSparseCSC a) {
            if (a.numRows != order.length || a.numCols != order.length) {
                throw new IllegalArgumentException("order of length " + order.length + " for a " + a.numRows
                        + " x " + a.numCols + " matrix");
            }
            prow.reshape(order.length);
            pcol.reshape(order.length);
            System.arraycopy(order, 0, prow.data, 0, order.length);
            System.arraycopy(order, 0, pcol.data, 0, order.length);
        }
    }
}
