package org.qpspin.ordering;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.space.StateSpace;

/**
 * Nested dissection of the (N, m) lattice along the directions in which the generator's own stencil is thinnest
 * (A. George, SIAM J. Numer. Anal. 10, 345 (1973), with the separators of a general lattice stencil).
 *
 * <p>{@link NestedDissection} cuts along levels and columns two lines thick, which every PRL 2020 stencil allows.
 * The generator's actual stencil is often thinner in some direction. With the offsets (ΔN, Δm) of its non-zeros
 * (both signs: the pattern of L + Lᵀ), a coordinate x = N + a m has thickness t_x = max |ΔN + a Δm|: the states with
 * x in [s, s + t_x − 1] separate those with x &lt; s from those with x ≥ s + t_x, whatever the shape of the set.
 * Among the coordinate pairs (x, y) = (N + a m, m), a ∈ {0, −1, 1, −2}, the one with the smallest t_x t_y is used
 * (the first listed on a tie). Example: with Γt = 0 the PRL 2020 offsets are (−2, −1), (0, ±1), (1, 0), (1, 1):
 * in (N, m) a level separator must be two levels thick (t = 2, 1), in (N − m, m) both separators are one line
 * thick (t = 1, 1), which halves the separators across a long band and cuts the LU's flops several times
 * (docs/benchmarks.md, "Where a 5× would have to come from"). With triplet annihilation (Δm = 0, −1, −2 at ΔN = −2)
 * no direction is thinner than 2 and the cut is the axis one.
 *
 * <p>A region (the states of a box in (x, y)) is split at the median, by state count, of the axis whose separator
 * (t lines at the median) holds fewer states; the two sides are ordered recursively, then the separator. Regions of
 * at most {@link NestedDissection#LEAF_SIZE} states, or too small to split, are emitted in index order (level by
 * level). Deterministic; O(n log n + nnz) time, O(n) memory; recursion depth about 2 log₂ n.
 */
public final class LatticeDissection {

    /** The candidate coordinates x = N + a m, in order of preference on equal thickness. */
    static final int[] SHEARS = {0, -1, 1, -2};

    private final int[] x;
    private final int[] y;
    private final int tx;
    private final int ty;
    private final int[] order;
    private final int[] buffer;
    private int[] histogram;
    private int cursor;

    private LatticeDissection(int[] x, int[] y, int tx, int ty) {
        this.x = x;
        this.y = y;
        this.tx = tx;
        this.ty = ty;
        this.order = new int[x.length];
        this.buffer = new int[x.length];
        this.histogram = new int[16];
    }

    /**
     * {@return the dissection order of {@code space} for the pattern of {@code pattern}: {@code order[k]} is the
     * state eliminated k-th}
     *
     * @param space   the truncated state space (index map of the pattern)
     * @param pattern a square matrix on {@code space} (CSC; only the positions of its entries are read)
     * @throws IllegalArgumentException if the matrix does not have one row and column per state
     */
    public static int[] order(StateSpace space, DMatrixSparseCSC pattern) {
        int n = space.size();
        if (pattern.numRows != n || pattern.numCols != n) {
            throw new IllegalArgumentException("a " + pattern.numRows + " x " + pattern.numCols + " matrix for "
                    + n + " states");
        }
        int[] level = new int[n];
        int[] m = new int[n];
        for (int k = 0; k <= space.maxN(); k++) {
            int first = space.levelOffset(k);
            int low = space.lowM(k);
            for (int i = 0; i < space.levelWidth(k); i++) {
                level[first + i] = k;
                m[first + i] = low + i;
            }
        }
        int[] shear = chooseShear(level, m, pattern);
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = level[i] + shear[0] * m[i];
        }
        LatticeDissection d = new LatticeDissection(x, m, shear[1], shear[2]);
        for (int i = 0; i < n; i++) {
            d.order[i] = i;
        }
        d.dissect(0, n);
        if (d.cursor != n) {
            throw new IllegalStateException("lattice dissection emitted " + d.cursor + " of " + n);
        }
        return d.order;
    }

    /**
     * {@return {a, t_x, t_y}: the shear a of x = N + a m (from {@link #SHEARS}) with the smallest t_x t_y over the
     * offsets of the pattern's off-diagonal entries, and the two thicknesses (each at least 1)}
     *
     * @param level   N of each state
     * @param m       m of each state
     * @param pattern the matrix whose off-diagonal positions give the offsets
     */
    static int[] chooseShear(int[] level, int[] m, DMatrixSparseCSC pattern) {
        int[] tX = new int[SHEARS.length];
        int tY = 0;
        for (int j = 0; j < pattern.numCols; j++) {
            for (int e = pattern.col_idx[j]; e < pattern.col_idx[j + 1]; e++) {
                int i = pattern.nz_rows[e];
                if (i == j) {
                    continue;
                }
                int dn = level[i] - level[j];
                int dm = m[i] - m[j];
                tY = Math.max(tY, Math.abs(dm));
                for (int s = 0; s < SHEARS.length; s++) {
                    tX[s] = Math.max(tX[s], Math.abs(dn + SHEARS[s] * dm));
                }
            }
        }
        tY = Math.max(1, tY);
        int best = 0;
        for (int s = 1; s < SHEARS.length; s++) {
            if ((long) Math.max(1, tX[s]) * tY < (long) Math.max(1, tX[best]) * tY) {
                best = s;
            }
        }
        return new int[] {SHEARS[best], Math.max(1, tX[best]), tY};
    }

    /** Orders order[lo..hi) (the region's states) and emits them into order[cursor..]: cursor advances to hi. */
    private void dissect(int lo, int hi) {
        int count = hi - lo;
        if (count == 0) {
            return;
        }
        int x0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y0 = Integer.MAX_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int k = lo; k < hi; k++) {
            int s = order[k];
            x0 = Math.min(x0, x[s]);
            x1 = Math.max(x1, x[s]);
            y0 = Math.min(y0, y[s]);
            y1 = Math.max(y1, y[s]);
        }
        boolean splitX = x1 - x0 >= tx + 1; // both sides non-empty: x0 < s and s + tx <= x1
        boolean splitY = y1 - y0 >= ty + 1;
        if (count <= NestedDissection.LEAF_SIZE || !(splitX || splitY)) {
            leaf(lo, hi);
            return;
        }
        long[] cutX = splitX ? median(lo, hi, x, x0, x1, tx) : null;
        long[] cutY = splitY ? median(lo, hi, y, y0, y1, ty) : null;
        boolean alongX = cutY == null || (cutX != null && cutX[1] <= cutY[1]);
        int[] coordinate = alongX ? x : y;
        int s = (int) (alongX ? cutX[0] : cutY[0]);
        int t = alongX ? tx : ty;
        // stable three-way partition: below the separator, above it, the separator
        int below = 0;
        for (int k = lo; k < hi; k++) {
            if (coordinate[order[k]] < s) {
                buffer[below++] = order[k];
            }
        }
        int above = below;
        for (int k = lo; k < hi; k++) {
            if (coordinate[order[k]] >= s + t) {
                buffer[above++] = order[k];
            }
        }
        int sep = above;
        for (int k = lo; k < hi; k++) {
            int c = coordinate[order[k]];
            if (c >= s && c < s + t) {
                buffer[sep++] = order[k];
            }
        }
        System.arraycopy(buffer, 0, order, lo, count);
        int cursorBefore = cursor;
        dissect(lo, lo + below);
        dissect(lo + below, lo + above);
        leaf(lo + above, hi);
        assert cursor == cursorBefore + count;
    }

    /**
     * {@return {s, separator states}: the smallest s in [c0 + 1, c1 − t] at which the count of states with
     * coordinate below s + 1 reaches half of the region, and the number of states with coordinate in [s, s + t)}
     */
    private long[] median(int lo, int hi, int[] coordinate, int c0, int c1, int t) {
        int extent = c1 - c0 + 1;
        if (histogram.length < extent) {
            histogram = new int[Math.max(extent, 2 * histogram.length)];
        }
        Arrays.fill(histogram, 0, extent, 0);
        for (int k = lo; k < hi; k++) {
            histogram[coordinate[order[k]] - c0]++;
        }
        int half = (hi - lo) / 2;
        int cumulative = 0;
        int s = c0;
        while (s <= c1) {
            cumulative += histogram[s - c0];
            if (cumulative >= half) {
                break;
            }
            s++;
        }
        s = Math.max(c0 + 1, Math.min(s, c1 - t));
        long separator = 0;
        for (int c = s; c < s + t; c++) {
            separator += histogram[c - c0];
        }
        return new long[] {s, separator};
    }

    /** Emits order[lo..hi) in index order (level by level, m ascending). */
    private void leaf(int lo, int hi) {
        Arrays.sort(order, lo, hi);
        cursor += hi - lo;
    }
}
