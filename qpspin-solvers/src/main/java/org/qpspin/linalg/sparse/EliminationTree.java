package org.qpspin.linalg.sparse;

import java.util.Arrays;

/**
 * The elimination tree of a symmetric pattern and the column counts of its Cholesky factor: the symbolic core of
 * every sparse factorization here (the fill count of {@link SymbolicFill}, the supernodes of the multifrontal LU).
 *
 * <p>The pattern is given column by column as one or more neighbour lists ({@link Neighbours}); column c's
 * neighbours are the union of its entries in all lists, and only those below c (i &lt; c) count, so the pattern of
 * B + Bᵀ can be handed over as B's columns and B's rows without forming the sum; duplicates are harmless.
 *
 * <p>Algorithms (J. W. H. Liu, "The role of elimination trees in sparse factorization", SIAM J. Matrix Anal.
 * Appl. 11, 134 (1990); T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, cs_etree and the row
 * subtrees of cs_counts' simple form):
 * <ul>
 *   <li>parent: for each column c in order and each neighbour i &lt; c, climb from i along path-compressed
 *       ancestors to the root r of i's current subtree and make c its parent (parent(r) = c); O(nnz α(n)).</li>
 *   <li>column counts: row c of the factor is the union of the tree paths from its neighbours i &lt; c up to c (the
 *       row subtree), so walking every such path once, marking visited nodes with c, adds one to the count of
 *       every column k the row reaches; plus the diagonal. O(nnz(factor)).</li>
 * </ul>
 * Both are integer computations with a unique answer, whatever the order of the lists.
 */
public final class EliminationTree {

    /**
     * Neighbour lists in compressed form: the neighbours of column c are index[start[c]] … index[start[c+1]−1].
     *
     * @param start column starts, length n + 1
     * @param index neighbour indices (any order, duplicates allowed)
     */
    public record Neighbours(int[] start, int[] index) {
    }

    private final int[] parent;

    private EliminationTree(int[] parent) {
        this.parent = parent;
    }

    /**
     * {@return the elimination tree of the n × n pattern whose columns are the union of {@code lists}}
     *
     * @param n the order of the pattern
     * @param lists the neighbour lists whose union is each column's pattern (e.g. A and Aᵀ)
     */
    public static EliminationTree of(int n, Neighbours... lists) {
        int[] parent = new int[n];
        int[] ancestor = new int[n];
        for (int c = 0; c < n; c++) {
            parent[c] = -1;
            ancestor[c] = -1;
            for (Neighbours list : lists) {
                int[] idx = list.index();
                for (int e = list.start()[c], end = list.start()[c + 1]; e < end; e++) {
                    link(idx[e], c, parent, ancestor);
                }
            }
        }
        return new EliminationTree(parent);
    }

    /**
     * One entry (i, c), i &lt; c, of Liu's construction with path compression: climbs from i along the compressed
     * ancestors, making c the root of i's subtree (entries with i ≥ c leave the tree alone).
     */
    private static void link(int i, int c, int[] parent, int[] ancestor) {
        while (i != -1 && i < c) {
            int next = ancestor[i];
            ancestor[i] = c;
            if (next == -1) {
                parent[i] = c;
            }
            i = next;
        }
    }

    /** {@return number of columns} */
    public int size() {
        return parent.length;
    }

    /**
     * {@return the parent of column c in the tree, or −1 for a root}
     *
     * @param c a column, 0 ≤ c &lt; n
     */
    public int parent(int c) {
        return parent[c];
    }

    /** {@return the parents, −1 for a root (the tree's own array: not to be modified)} */
    public int[] parentsView() {
        return parent;
    }

    /**
     * {@return the column counts of the Cholesky factor of the pattern this tree was built from (same {@code lists}):
     * count[k] = nnz of column k, diagonal included} Row subtrees, time O(nnz(factor)), memory O(n).
     *
     * @param lists the same neighbour lists the tree was built from
     */
    public int[] columnCounts(Neighbours... lists) {
        int n = parent.length;
        int[] count = new int[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int c = 0; c < n; c++) {
            mark[c] = c;
            count[c]++;
            for (Neighbours list : lists) {
                int[] idx = list.index();
                for (int e = list.start()[c], end = list.start()[c + 1]; e < end; e++) {
                    for (int k = idx[e]; k < c && mark[k] != c; k = parent[k]) {
                        count[k]++;
                        mark[k] = c;
                    }
                }
            }
        }
        return count;
    }
}
