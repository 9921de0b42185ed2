package org.qpspin.ordering;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.space.StateSpace;

/**
 * Nested dissection of the (N, m) lattice along the directions in which the generator's own stencil is thinnest
 * (A. George, SIAM J. Numer. Anal. 10, 345 (1973), with the separators of a general lattice stencil, chosen region by
 * region among several directions as in generalized nested dissection: R. J. Lipton, D. J. Rose and R. E. Tarjan,
 * SIAM J. Numer. Anal. 16, 346 (1979)).
 *
 * <p>{@link NestedDissection} cuts along levels and columns two lines thick, which every PRL 2020 stencil allows.
 * The generator's actual stencil is often thinner in some direction. With the offsets (ΔN, Δm) of its non-zeros
 * (both signs: the pattern of L + Lᵀ), a coordinate x has thickness t_x = max |Δx| over the offsets: the states with
 * x in [s, s + t_x − 1] separate those with x &lt; s from those with x ≥ s + t_x, whatever the shape of the set.
 * The candidate coordinates are x = N + a m, a ∈ {0, −1, 1, −2} ({@link #SHEARS}), and y = m, each with its own
 * thickness. Example: with Γt = 0 the PRL 2020 offsets are (−2, −1), (0, ±1), (1, 0), (1, 1): a level separator
 * (x = N) must be two levels thick, one along N − m or m only one line (t = 2, 1, 3, 2, 1), which halves the
 * separators across a long band and cuts the LU's flops several times (docs/benchmarks.md, "Where a 5× would have
 * to come from"). With triplet annihilation (Δm = 0, −1, −2 at ΔN = −2) no direction is thinner than 2
 * (t = 2, 2, 4, 2, 2), but the lines of N − m and N − 2m cross a wedge of the band (the levels where the m window is
 * the whole triangle m ≤ N/2) in fewer states than its levels do: choosing the direction per region cut the TA
 * band's flops 1.9× against one direction for the whole band (docs/benchmarks.md, issue 17, 2026-12-08).
 *
 * <p>A region (the states of a box in the candidate coordinates) is split at the median, by state count, of every
 * coordinate along which it can be split; the coordinate whose separator (t lines at its median) holds the fewest
 * states is used (the first listed on a tie). The two sides are ordered recursively, then the separator. Regions of
 * at most {@link NestedDissection#LEAF_SIZE} states, or too small to split along any coordinate, are emitted in index
 * order (level by level). Deterministic; O(n log n + nnz) time (five coordinates per region), O(n) memory; recursion
 * depth about 2 log₂ n.
 */
public final class LatticeDissection {

    /** The sheared candidate coordinates x = N + a m, in order of preference on equal separators; then y = m. */
    static final int[] SHEARS = {0, -1, 1, -2};
    /** Number of candidate coordinates: the {@link #SHEARS} and m. */
    static final int COORDINATES = SHEARS.length + 1;

    /** The candidate coordinates of state s at coordinates[COORDINATES s + c] (one cache line per state). */
    private final int[] coordinates;
    /** Thickness of each candidate coordinate (at least 1). */
    private final int[] thickness;
    private final int[] order;
    private final int[] buffer;
    private final int[] low = new int[COORDINATES];
    private final int[] high = new int[COORDINATES];
    private int[] histogram;
    private int cursor;

    private LatticeDissection(int[] level, int[] m, int[] thickness) {
        int n = level.length;
        this.coordinates = new int[COORDINATES * n];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < SHEARS.length; c++) {
                coordinates[COORDINATES * s + c] = level[s] + SHEARS[c] * m[s];
            }
            coordinates[COORDINATES * s + SHEARS.length] = m[s];
        }
        this.thickness = thickness;
        this.order = new int[n];
        this.buffer = new int[n];
        this.histogram = new int[16];
    }

    /**
     * {@return the dissection order of {@code space} for the pattern of {@code pattern}: {@code order[k]} is the
     * state eliminated k-th}
     *
     * @param space   the truncated state space (index map of the pattern)
     * @param pattern a square matrix on {@code space} (CSC; only the positions of its entries are read)
     * @throws IllegalArgumentException if the matrix does not have one row and column per state, or if the space has
     *                                  more than {@link StateSpace#MAX_STATES} / 5 states (five coordinates each)
     */
    public static int[] order(StateSpace space, DMatrixSparseCSC pattern) {
        int n = space.size();
        if (pattern.numRows != n || pattern.numCols != n) {
            throw new IllegalArgumentException("a " + pattern.numRows + " x " + pattern.numCols + " matrix for "
                    + n + " states");
        }
        if ((long) COORDINATES * n > StateSpace.MAX_STATES) {
            throw new IllegalArgumentException(n + " states: too many for the lattice dissection's coordinates");
        }
        int[] level = new int[n];
        int[] m = new int[n];
        for (int k = 0; k <= space.maxN(); k++) {
            int first = space.levelOffset(k);
            int lowM = space.lowM(k);
            for (int i = 0; i < space.levelWidth(k); i++) {
                level[first + i] = k;
                m[first + i] = lowM + i;
            }
        }
        LatticeDissection d = new LatticeDissection(level, m, thicknesses(level, m, pattern));
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
     * {@return the thickness t_c = max |Δc| (at least 1) of each candidate coordinate c over the offsets of the
     * pattern's off-diagonal entries: c = N + a m for a in {@link #SHEARS}, in that order, then c = m}
     *
     * @param level   N of each state
     * @param m       m of each state
     * @param pattern the matrix whose off-diagonal positions give the offsets
     */
    static int[] thicknesses(int[] level, int[] m, DMatrixSparseCSC pattern) {
        int[] t = new int[COORDINATES];
        Arrays.fill(t, 1);
        for (int j = 0; j < pattern.numCols; j++) {
            for (int e = pattern.col_idx[j]; e < pattern.col_idx[j + 1]; e++) {
                int i = pattern.nz_rows[e];
                int dn = level[i] - level[j];
                int dm = m[i] - m[j];
                for (int c = 0; c < SHEARS.length; c++) {
                    t[c] = Math.max(t[c], Math.abs(dn + SHEARS[c] * dm));
                }
                t[SHEARS.length] = Math.max(t[SHEARS.length], Math.abs(dm));
            }
        }
        return t;
    }

    /** {@return candidate coordinate c of state s} */
    private int coordinate(int c, int s) {
        return coordinates[COORDINATES * s + c];
    }

    /** Orders order[lo..hi) (the region's states) and emits them into order[cursor..]: cursor advances to hi. */
    private void dissect(int lo, int hi) {
        int count = hi - lo;
        if (count == 0) {
            return;
        }
        if (count <= NestedDissection.LEAF_SIZE) {
            leaf(lo, hi);
            return;
        }
        Arrays.fill(low, Integer.MAX_VALUE);
        Arrays.fill(high, Integer.MIN_VALUE);
        for (int k = lo; k < hi; k++) {
            int at = COORDINATES * order[k];
            for (int c = 0; c < COORDINATES; c++) {
                int v = coordinates[at + c];
                low[c] = Math.min(low[c], v);
                high[c] = Math.max(high[c], v);
            }
        }
        int best = -1;
        long bestSeparator = Long.MAX_VALUE;
        int bestCut = 0;
        for (int c = 0; c < COORDINATES; c++) {
            if (high[c] - low[c] < thickness[c] + 1) { // both sides non-empty: low < s and s + t <= high
                continue;
            }
            long[] cut = median(lo, hi, c);
            if (cut[1] < bestSeparator) {
                bestSeparator = cut[1];
                bestCut = (int) cut[0];
                best = c;
            }
        }
        if (best < 0) {
            leaf(lo, hi);
            return;
        }
        int s = bestCut;
        int t = thickness[best];
        // stable three-way partition: below the separator, above it, the separator
        int below = 0;
        for (int k = lo; k < hi; k++) {
            if (coordinate(best, order[k]) < s) {
                buffer[below++] = order[k];
            }
        }
        int above = below;
        for (int k = lo; k < hi; k++) {
            if (coordinate(best, order[k]) >= s + t) {
                buffer[above++] = order[k];
            }
        }
        int sep = above;
        for (int k = lo; k < hi; k++) {
            int v = coordinate(best, order[k]);
            if (v >= s && v < s + t) {
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
     * {@return {s, separator states}: along candidate coordinate c of the region order[lo..hi) (bounds low[c],
     * high[c]), the smallest s in [low + 1, high − t] at which the count of states with coordinate below s + 1
     * reaches half of the region, and the number of states with coordinate in [s, s + t)}
     */
    private long[] median(int lo, int hi, int c) {
        int c0 = low[c];
        int c1 = high[c];
        int t = thickness[c];
        int extent = c1 - c0 + 1;
        if (histogram.length < extent) {
            histogram = new int[Math.max(extent, 2 * histogram.length)];
        }
        Arrays.fill(histogram, 0, extent, 0);
        for (int k = lo; k < hi; k++) {
            histogram[coordinate(c, order[k]) - c0]++;
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
        for (int v = s; v < s + t; v++) {
            separator += histogram[v - c0];
        }
        return new long[] {s, separator};
    }

    /** Emits order[lo..hi) in index order (level by level, m ascending). */
    private void leaf(int lo, int hi) {
        Arrays.sort(order, lo, hi);
        cursor += hi - lo;
    }
}
