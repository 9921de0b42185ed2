package org.qpspin.ordering;

import org.qpspin.space.StateSpace;

/**
 * Geometric nested dissection of the (N, m) grid of a {@link StateSpace} (A. George, "Nested dissection of a
 * regular finite element mesh", SIAM J. Numer. Anal. 10, 345 (1973)).
 *
 * <p>The symmetrized graph of the generator joins (N, m) to the states with |ΔN| ≤ 2 and |Δm| ≤ 2
 * (docs/model.md "PRL 2020 rates": ΔN ∈ {+1, 0, −2}, Δm ∈ {+1, 0, ±1, −1, −2}). A set of two adjacent levels
 * {s, s+1}, or of two adjacent columns {t, t+1}, therefore separates the states below it from those above it.
 * A region (a box in (N, m) intersected with the state set) is split at the median, by state count, of the
 * axis whose two-line separator is smaller; the two halves are ordered recursively, then the separator last.
 * Regions of at most {@link #LEAF_SIZE} states are ordered level by level. For a k × k grid this gives
 * O(k² log k) fill and O(k³) flops in LU, against O(k³) fill and O(k⁴) flops for the level-by-level order.
 *
 * <p>Cost O(n log n) time and O(n + Nmax + mMax) memory; no recursion deeper than about 2 log₂ n.
 */
public final class NestedDissection {

    /** Regions of at most this many states are not split further. */
    public static final int LEAF_SIZE = 32;

    private final StateSpace space;
    private final int[] order;
    private final int[] columnCount; // workspace, one slot per column m (+1 for the difference array)
    private int cursor;

    private NestedDissection(StateSpace space) {
        this.space = space;
        this.order = new int[space.size()];
        this.columnCount = new int[space.maxM() + 2];
    }

    /**
     * {@return the nested-dissection order of {@code space}: {@code order[k]} is the state eliminated k-th}
     *
     * @param space the truncated state space
     */
    public static int[] order(StateSpace space) {
        NestedDissection nd = new NestedDissection(space);
        nd.dissect(0, space.maxN(), 0, space.maxM());
        if (nd.cursor != space.size()) {
            throw new IllegalStateException("nested dissection emitted " + nd.cursor + " of " + space.size());
        }
        return nd.order;
    }

    private int low(int n, int mLo) {
        return Math.max(mLo, space.lowM(n));
    }

    private int high(int n, int mHi) {
        return Math.min(mHi, space.highM(n));
    }

    private void dissect(int nLo, int nHi, int mLo, int mHi) {
        // shrink the box to the states it holds
        int count = 0;
        int n0 = Integer.MAX_VALUE;
        int n1 = -1;
        int m0 = Integer.MAX_VALUE;
        int m1 = -1;
        for (int n = nLo; n <= nHi; n++) {
            int lo = low(n, mLo);
            int hi = high(n, mHi);
            if (lo <= hi) {
                count += hi - lo + 1;
                n0 = Math.min(n0, n);
                n1 = n;
                m0 = Math.min(m0, lo);
                m1 = Math.max(m1, hi);
            }
        }
        if (count == 0) {
            return;
        }
        if (count <= LEAF_SIZE || (n1 - n0 < 3 && m1 - m0 < 3)) {
            emit(n0, n1, m0, m1);
            return;
        }
        int half = count / 2;

        // candidate cut across N: levels {s, s+1}, s the level where the cumulative count passes half
        int levelCut = -1;
        int levelSeparator = Integer.MAX_VALUE;
        if (n1 - n0 >= 3) {
            int cumulative = 0;
            int s = n0;
            while (s <= n1) {
                cumulative += Math.max(0, high(s, m1) - low(s, m0) + 1);
                if (cumulative >= half) {
                    break;
                }
                s++;
            }
            s = Math.max(n0 + 1, Math.min(s, n1 - 2)); // keep both sides non-empty
            levelCut = s;
            levelSeparator = width(s, m0, m1) + width(s + 1, m0, m1);
        }

        // candidate cut across m: columns {t, t+1}, from the column histogram (difference array)
        int columnCut = -1;
        int columnSeparator = Integer.MAX_VALUE;
        if (m1 - m0 >= 3) {
            java.util.Arrays.fill(columnCount, m0, m1 + 2, 0);
            for (int n = n0; n <= n1; n++) {
                int lo = low(n, m0);
                int hi = high(n, m1);
                if (lo <= hi) {
                    columnCount[lo]++;
                    columnCount[hi + 1]--;
                }
            }
            for (int m = m0 + 1; m <= m1; m++) {
                columnCount[m] += columnCount[m - 1];
            }
            int cumulative = 0;
            int t = m0;
            while (t <= m1) {
                cumulative += columnCount[t];
                if (cumulative >= half) {
                    break;
                }
                t++;
            }
            t = Math.max(m0 + 1, Math.min(t, m1 - 2));
            columnCut = t;
            columnSeparator = columnCount[t] + columnCount[t + 1];
        }

        if (levelSeparator <= columnSeparator) {
            int s = levelCut;
            dissect(n0, s - 1, m0, m1);
            dissect(s + 2, n1, m0, m1);
            emit(s, s + 1, m0, m1);
        } else {
            int t = columnCut;
            dissect(n0, n1, m0, t - 1);
            dissect(n0, n1, t + 2, m1);
            emit(n0, n1, t, t + 1);
        }
    }

    private int width(int n, int mLo, int mHi) {
        return Math.max(0, high(n, mHi) - low(n, mLo) + 1);
    }

    /** Appends the states of the box level by level, m ascending. */
    private void emit(int nLo, int nHi, int mLo, int mHi) {
        for (int n = nLo; n <= nHi; n++) {
            int lo = low(n, mLo);
            int hi = high(n, mHi);
            if (lo <= hi) {
                int first = space.index(n, lo);
                for (int i = 0; i <= hi - lo; i++) {
                    order[cursor++] = first + i;
                }
            }
        }
    }
}
