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
 * Appl. 11, 134 (1990); T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, cs_etree and the
 * skeleton form of cs_counts):
 * <ul>
 *   <li>parent: for each column c in order and each neighbour i &lt; c, climb from i along path-compressed
 *       ancestors to the root r of i's current subtree and make c its parent (parent(r) = c); O(nnz α(n)).</li>
 *   <li>column counts: row c of the factor is the union of the tree paths from its neighbours i &lt; c up to c (the
 *       row subtree); column k's count is the number of row subtrees through k, plus the diagonal, computed from
 *       the leaves of the row subtrees alone (Gilbert, Ng &amp; Peyton's skeleton algorithm, cs_counts' form, see
 *       {@link #columnCounts}); O(nnz α(n)).</li>
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
     * count[k] = nnz of column k, diagonal included} Time O(nnz α(n)), memory O(n + nnz).
     *
     * <p>Gilbert, Ng &amp; Peyton's skeleton algorithm (J. R. Gilbert, E. G. Ng, B. W. Peyton, "An efficient
     * algorithm to compute row and column counts for sparse Cholesky factorization", SIAM J. Matrix Anal. Appl. 15,
     * 1075 (1994); T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, cs_counts and cs_leaf): with
     * the columns j in a postorder of the tree, an entry (i, j), i &gt; j, adds one to the counts of the row subtree
     * of row i from j up to (not including) the least common ancestor of j and the previous leaf of that subtree,
     * kept as +1 at j and −1 at that ancestor (found by path-compressed union–find), and the counts are the sums of
     * these differences over each column's subtree. Entries (i, j) that are not leaves of row i's subtree (first
     * descendant of j not beyond the largest seen for row i) and duplicates add nothing. The answer is the same
     * integer array as walking every row subtree (O(nnz of the factor)), which the tests check.
     *
     * @param lists the same neighbour lists the tree was built from
     */
    public int[] columnCounts(Neighbours... lists) {
        int n = parent.length;
        // the entries (i, j), j < i, by column j: the transposes of the lists' parts below the diagonal
        int[] start = new int[n + 1];
        for (Neighbours list : lists) {
            int[] idx = list.index();
            int[] ptr = list.start();
            for (int c = 0; c < n; c++) {
                for (int e = ptr[c], end = ptr[c + 1]; e < end; e++) {
                    if (idx[e] < c) {
                        start[idx[e] + 1]++;
                    }
                }
            }
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int[] above = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (Neighbours list : lists) {
            int[] idx = list.index();
            int[] ptr = list.start();
            for (int c = 0; c < n; c++) {
                for (int e = ptr[c], end = ptr[c + 1]; e < end; e++) {
                    int j = idx[e];
                    if (j < c) {
                        above[fill[j]++] = c;
                    }
                }
            }
        }
        fill = null;
        int[] post = postorder();
        // first[j]: the postorder index of j's first descendant; delta starts as 1 at the leaves of the tree
        int[] first = new int[n];
        int[] delta = new int[n];
        Arrays.fill(first, -1);
        for (int k = 0; k < n; k++) {
            int j = post[k];
            delta[j] = first[j] == -1 ? 1 : 0;
            for (; j != -1 && first[j] == -1; j = parent[j]) {
                first[j] = k;
            }
        }
        int[] maxFirst = new int[n];
        int[] previousLeaf = new int[n];
        int[] ancestor = new int[n];
        Arrays.fill(maxFirst, -1);
        Arrays.fill(previousLeaf, -1);
        for (int i = 0; i < n; i++) {
            ancestor[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int j = post[k];
            if (parent[j] != -1) {
                delta[parent[j]]--;
            }
            for (int e = start[j], end = start[j + 1]; e < end; e++) {
                int i = above[e];
                if (first[j] <= maxFirst[i]) {
                    continue; // j is not a leaf of row i's subtree (or a duplicate)
                }
                maxFirst[i] = first[j];
                int previous = previousLeaf[i];
                previousLeaf[i] = j;
                delta[j]++;
                if (previous != -1) { // a later leaf: −1 at the least common ancestor of the two leaves
                    int q = previous;
                    while (q != ancestor[q]) {
                        q = ancestor[q];
                    }
                    for (int s = previous; s != q; ) {
                        int next = ancestor[s];
                        ancestor[s] = q;
                        s = next;
                    }
                    delta[q]--;
                }
            }
            if (parent[j] != -1) {
                ancestor[j] = parent[j];
            }
        }
        for (int j = 0; j < n; j++) { // children come before parents
            if (parent[j] != -1) {
                delta[parent[j]] += delta[j];
            }
        }
        return delta;
    }

    /** {@return a postorder of the tree (a depth-first search from each root, children in ascending order)} */
    private int[] postorder() {
        int n = parent.length;
        int[] head = new int[n];
        int[] next = new int[n];
        Arrays.fill(head, -1);
        for (int j = n - 1; j >= 0; j--) { // children lists, ascending
            if (parent[j] != -1) {
                next[j] = head[parent[j]];
                head[parent[j]] = j;
            }
        }
        int[] post = new int[n];
        int[] stack = new int[n];
        int k = 0;
        for (int root = 0; root < n; root++) {
            if (parent[root] != -1) {
                continue;
            }
            int top = 0;
            stack[0] = root;
            while (top >= 0) {
                int p = stack[top];
                int child = head[p];
                if (child == -1) {
                    top--;
                    post[k++] = p;
                } else {
                    head[p] = next[child];
                    stack[++top] = child;
                }
            }
        }
        return post;
    }
}
