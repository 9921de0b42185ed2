package org.qpspin.linalg.sparse;

/**
 * Symmetric permutations in the CSparse convention: {@code order[k]} is the index placed k-th ("p" in
 * T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006), applied as B = P A Pᵀ with
 * B[r][c] = A[order[r]][order[c]].
 */
public final class Permutations {

    private Permutations() {
    }

    /**
     * {@return whether {@code order} holds each of 0 … n−1 exactly once}
     *
     * @param order the candidate permutation
     * @param n its expected length and range
     */
    public static boolean isPermutation(int[] order, int n) {
        if (order.length != n) {
            return false;
        }
        boolean[] seen = new boolean[n];
        for (int s : order) {
            if (s < 0 || s >= n || seen[s]) {
                return false;
            }
            seen[s] = true;
        }
        return true;
    }

    /**
     * {@return the inverse permutation: inverse[order[k]] = k (cs_pinv)}
     *
     * @param order a permutation of 0 … n−1
     */
    public static int[] inverse(int[] order) {
        int[] inverse = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            inverse[order[k]] = k;
        }
        return inverse;
    }
}
