package org.qpspin.linalg.amg;

/**
 * Aggregates of states placed on an integer grid: state i at (u_i, t_i) joins the aggregate at
 * (⌊u_i / f_u⌋, ⌊t_i / f_t⌋) (geometric aggregation; for a Markov chain the grid is chosen so that strongly coupled
 * states share an aggregate, De Sterck et al., SIAM J. Sci. Comput. 32, 40 (2010), §3). The aggregates are numbered
 * line by line: lines of equal coarse u, t ascending within a line ({@link Lines#ALONG_T}), or lines of equal
 * coarse t, u ascending ({@link Lines#ALONG_U}); the coarse level's {@link LineGaussSeidel} relaxes along them.
 *
 * @param aggregateOf aggregate of every state (numbering of the coarse level)
 * @param count       number of aggregates
 * @param u           coarse u of every aggregate
 * @param t           coarse t of every aggregate
 * @param lineStart   the coarse level's lines (contiguous runs of aggregates), as {@link LineGaussSeidel} takes them
 */
public record GridAggregation(int[] aggregateOf, int count, int[] u, int[] t, int[] lineStart) {

    /** The direction of the coarse level's lines. */
    public enum Lines {
        /** Lines of equal u, along t. */
        ALONG_T,
        /** Lines of equal t, along u. */
        ALONG_U
    }

    /**
     * The aggregates of the states at (u[i], t[i]) for the factors fu, ft: two stable counting sorts, O(n + range
     * of the coordinates).
     *
     * @param u     first coordinate of every state (≥ 0)
     * @param t     second coordinate of every state (≥ 0, same length)
     * @param fu    states per aggregate along u (≥ 1; 1 leaves u as it is)
     * @param ft    states per aggregate along t (≥ 1)
     * @param lines direction of the coarse level's lines
     * @return the aggregation, aggregates numbered line by line
     * @throws IllegalArgumentException if the lengths differ, a factor is below 1 or a coordinate is negative
     */
    public static GridAggregation of(int[] u, int[] t, int fu, int ft, Lines lines) {
        int n = u.length;
        if (t.length != n || fu < 1 || ft < 1) {
            throw new IllegalArgumentException("need coordinates of equal length and factors >= 1");
        }
        int[] major = new int[n];
        int[] minor = new int[n];
        for (int i = 0; i < n; i++) {
            int cu = u[i] / fu;
            int ct = t[i] / ft;
            major[i] = lines == Lines.ALONG_T ? cu : ct;
            minor[i] = lines == Lines.ALONG_T ? ct : cu;
        }
        // two stable counting sorts: by minor, then by major
        int[] byMinor = countingOrder(minor, identity(n));
        int[] order = countingOrder(major, byMinor);
        int[] aggregateOf = new int[n];
        int count = 0;
        int[] cu = new int[n];
        int[] ct = new int[n];
        int[] lineStart = new int[n + 1];
        int lines2 = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            boolean newAggregate = k == 0 || major[i] != major[order[k - 1]] || minor[i] != minor[order[k - 1]];
            if (newAggregate) {
                if (k == 0 || major[i] != major[order[k - 1]]) {
                    lineStart[lines2++] = count;
                }
                cu[count] = u[i] / fu;
                ct[count] = t[i] / ft;
                count++;
            }
            aggregateOf[i] = count - 1;
        }
        lineStart[lines2++] = count;
        return new GridAggregation(aggregateOf, count, java.util.Arrays.copyOf(cu, count),
                java.util.Arrays.copyOf(ct, count), java.util.Arrays.copyOf(lineStart, lines2));
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** The states of {@code in} stably sorted by key. */
    private static int[] countingOrder(int[] key, int[] in) {
        int max = 0;
        for (int v : key) {
            if (v < 0) {
                throw new IllegalArgumentException("grid coordinates must be non-negative, got " + v);
            }
            max = Math.max(max, v);
        }
        int[] count = new int[max + 2];
        for (int v : key) {
            count[v + 1]++;
        }
        for (int v = 0; v <= max; v++) {
            count[v + 1] += count[v];
        }
        int[] out = new int[in.length];
        for (int i : in) {
            out[count[key[i]]++] = i;
        }
        return out;
    }
}
