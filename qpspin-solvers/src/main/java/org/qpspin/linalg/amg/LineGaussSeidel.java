package org.qpspin.linalg.amg;

/**
 * Block Gauss–Seidel for L x = b over lines: contiguous index ranges whose neighbours i ± 1 are coupled (the
 * states of one level N, m = m_low … m_high, coupled by spin flips), each solved exactly for its tridiagonal part
 * while the other entries take the latest values (line relaxation; W. J. Stewart, "Introduction to the Numerical
 * Solution of Markov Chains", Princeton 1994, §4.2 block iterative methods). Lines of length one give point
 * Gauss–Seidel.
 *
 * <p>The line solve is the Thomas algorithm with pivots computed without subtraction (the GTH idea, Grassmann,
 * Taksar and Heyman, Oper. Res. 33 (1985)): for the line's tridiagonal part with l_i = L[i][i−1], u_i =
 * L[i][i+1], the pivot d_i = e_i − l_i u_{i−1} / d_{i−1} equals l_{i+1} + λ_i with the leak
 * λ_i = o_i + u_{i−1} λ_{i−1} / d_{i−1}, o_i ≥ 0 the rates out of i to states other than its line neighbours.
 * For b = 0 and x ≥ 0 the whole sweep adds non-negative terms only, so it keeps x ≥ 0 and each entry satisfies
 * its own equation to a few roundings whatever its size.
 *
 * <p>A closed line (no rate out of it, as a coarse level becomes once one coordinate is aggregated completely) is a
 * singular block: its solve keeps one entry, the pin, at its value and determines the others from it. The pin is
 * the line's heaviest state (see {@link #refresh}), so that a linear solve's correction stays of the size of its
 * right-hand side over the rates instead of growing like the line's probability ratio.
 *
 * <p>Memory: three doubles per state (l_i, u_i / d_i, 1 / d_i), one work vector of the longest line, and during
 * {@link #refresh} two more doubles per state in a {@link Scratch} that smoothers may share.
 * Not thread-safe.
 */
public final class LineGaussSeidel {

    /**
     * Work arrays of {@link #refresh} (u_i and o_i, two doubles per state), which several smoothers refreshed one at
     * a time may share (the levels of a multigrid hierarchy): grown on demand, dropped by {@link #release}.
     */
    public static final class Scratch {
        private double[] upper = new double[0];
        private double[] other = new double[0];

        /** Empty work arrays. */
        public Scratch() {
        }

        private void ensure(int n) {
            if (upper.length < n) {
                upper = new double[n];
                other = new double[n];
            }
        }

        /** Drops the arrays (e.g. after refreshing the largest smoother once): the next refresh allocates again. */
        public void release() {
            upper = new double[0];
            other = new double[0];
        }
    }

    private final GeneratorRows a;
    private final int[] lineStart;
    private final double[] lower;
    private final Scratch scratch;
    /** u_i (during {@link #refresh}: the scratch's array). */
    private double[] upper;
    /** o_j: column j's rates except to its line neighbours (during {@link #refresh}: the scratch's array). */
    private double[] other;
    private final java.util.BitSet lineFirst;
    private final double[] upperOverPivot;
    private final double[] inversePivot;
    private final double[] work;

    /**
     * @param a         the generator
     * @param lineStart line k is lineStart[k] … lineStart[k+1] − 1; lineStart[0] = 0, last = n, increasing
     */
    public LineGaussSeidel(GeneratorRows a, int[] lineStart) {
        this(a, lineStart, new Scratch());
    }

    /**
     * As {@link #LineGaussSeidel(GeneratorRows, int[])}, with {@link #refresh}'s work arrays shared.
     *
     * @param a         the generator
     * @param lineStart line k is lineStart[k] … lineStart[k+1] − 1; lineStart[0] = 0, last = n, increasing
     * @param scratch   work arrays shared with smoothers that are never refreshed at the same time
     */
    public LineGaussSeidel(GeneratorRows a, int[] lineStart, Scratch scratch) {
        int n = a.size();
        if (lineStart[0] != 0 || lineStart[lineStart.length - 1] != n) {
            throw new IllegalArgumentException("lines must cover 0 … " + n);
        }
        this.a = a;
        this.lineStart = lineStart;
        this.scratch = scratch;
        lower = new double[n];
        upperOverPivot = new double[n];
        inversePivot = new double[n];
        int longest = 1;
        for (int k = 0; k + 1 < lineStart.length; k++) {
            longest = Math.max(longest, lineStart[k + 1] - lineStart[k]);
        }
        work = new double[longest];
        lineFirst = new java.util.BitSet(n);
        for (int k = 0; k + 1 < lineStart.length; k++) {
            lineFirst.set(lineStart[k]);
        }
        refresh();
    }

    /**
     * Recomputes the line pivots after the generator's rates changed in place (same pattern): O(entries). A
     * closed line is pinned at its heaviest state k = argmax of its stationary vector, found from the end-pinned
     * elimination as the largest Σ_{j≥i} log(u_j / d_j); the states after k are then eliminated again with the
     * rate k+1 → k as their entry leak.
     */
    public void refresh() {
        int n = a.size();
        scratch.ensure(n);
        upper = scratch.upper;
        other = scratch.other;
        java.util.Arrays.fill(lower, 0.0);
        java.util.Arrays.fill(upper, 0, n, 0.0);
        java.util.Arrays.fill(other, 0, n, 0.0);
        int[] start = a.rowStart();
        int[] cols = a.columns();
        double[] rates = a.rates();
        for (int i = 0; i < n; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                int j = cols[e];
                if (j == i - 1 && !startsLine(i)) {
                    lower[i] = rates[e];
                } else if (j == i + 1 && !startsLine(j)) {
                    upper[i] = rates[e];
                } else {
                    other[j] += rates[e];
                }
            }
        }
        for (int k = 0; k + 1 < lineStart.length; k++) {
            int begin = lineStart[k];
            int end = lineStart[k + 1];
            eliminate(begin, end, 0.0);
            if (end - begin > 1 && inversePivot[end - 1] == 0.0) {
                pinHeaviest(begin, end);
            }
        }
        upper = null;
        other = null;
    }

    /**
     * The forward GTH-style elimination of the line's states begin … end − 1: pivots d_i = λ_i + l_{i+1} with
     * λ_begin = o_begin + entryLeak and λ_i = o_i + u_{i−1} λ_{i−1} / d_{i−1} (sums of non-negative terms).
     */
    private void eliminate(int begin, int end, double entryLeak) {
        double leak = 0.0;
        double previousPivot = 0.0;
        for (int i = begin; i < end; i++) {
            // a previous state with pivot 0 has no way out (rates weighted by an underflowed probability on a
            // coarse level): it passes nothing on
            boolean passed = i > begin && previousPivot > 0.0;
            leak = other[i] + (i == begin ? entryLeak : passed ? upper[i - 1] * leak / previousPivot : 0.0);
            double pivot = leak + (i + 1 < end ? lower[i + 1] : 0.0);
            // a line with no way out (a closed class) has pivot 0 at its end: that entry keeps its value
            inversePivot[i] = pivot > 0.0 ? 1.0 / pivot : 0.0;
            upperOverPivot[i] = pivot > 0.0 ? upper[i] / pivot : 0.0;
            previousPivot = pivot;
        }
    }

    /**
     * A closed line (no rate out of it: on a coarse level where one coordinate is aggregated completely, the
     * whole level is one line) is a singular block: its solve fixes one entry, the pin, and determines the
     * others relative to it. Pinning the last state, as the forward elimination alone does, multiplies the
     * correction of a linear solve by the line's probability ratio s_k / s_last, which overflows where the line
     * spans a deep tail (10⁻¹⁷⁰: NaN in GMRES, the bug of issue 18). So the pin is the line's heaviest state k:
     * s_i / s_{i+1} = u_i / d_i from the end-pinned elimination (the line's stationary vector by back
     * substitution), k = argmax of Σ_{j≥i} log(u_j / d_j); then the states after k are eliminated again as a block
     * of their own whose entry leak is the rate k+1 → k (u_k: k keeps its value, so what flows into it is gone
     * from the block), and k gets pivot 0 (keeps its value). The states before k keep their pivots: eliminated
     * from the line's start they already counted the rate k−1 → k as a way out. Still sums of non-negative
     * terms: no subtraction.
     */
    private void pinHeaviest(int begin, int end) {
        double logWeight = 0.0;
        double best = 0.0;
        int pin = end - 1;
        for (int i = end - 2; i >= begin; i--) {
            logWeight += Math.log(upperOverPivot[i]); // −∞ where u_i = 0: i and the states before it weigh 0
            if (logWeight > best) {
                best = logWeight;
                pin = i;
            }
        }
        if (pin == end - 1) {
            return;
        }
        eliminate(pin + 1, end, upper[pin]);
        inversePivot[pin] = 0.0;
        upperOverPivot[pin] = 0.0;
    }

    /**
     * The heap this smoother holds between refreshes: l_i, u_i / d_i and 1 / d_i (24 bytes per state), the line
     * starts (4 per line), the line-start bits and the longest line's work vector; not the generator nor the shared
     * scratch.
     *
     * @return bytes (array payloads, without object headers)
     */
    public long heapBytes() {
        int n = a.size();
        return 24L * n + 4L * lineStart.length + n / 8 + 8L * work.length;
    }

    private boolean startsLine(int i) {
        return lineFirst.get(i);
    }

    /**
     * The generator this smoother relaxes.
     *
     * @return the generator given to the constructor (its rates are read at every sweep)
     */
    public GeneratorRows generator() {
        return a;
    }

    /**
     * One sweep over the lines of L x = b, in place: each line's tridiagonal part solved exactly with the other
     * entries at their latest values. For b = null and x ≥ 0 the result is ≥ 0 (sums of non-negative terms over
     * positive pivots); a closed line keeps its pin's value.
     *
     * @param b       right-hand side (null: 0; not modified)
     * @param x       the iterate, overwritten
     * @param forward lines in ascending order if true, descending if false
     */
    public void sweep(double[] b, double[] x, boolean forward) {
        int lines = lineStart.length - 1;
        for (int q = 0; q < lines; q++) {
            int k = forward ? q : lines - 1 - q;
            solveLine(lineStart[k], lineStart[k + 1], b, x);
        }
    }

    private void solveLine(int begin, int end, double[] b, double[] x) {
        int[] start = a.rowStart();
        int[] cols = a.columns();
        double[] rates = a.rates();
        double carried = 0.0;
        for (int i = begin; i < end; i++) {
            double inflow = b == null ? 0.0 : -b[i];
            for (int e = start[i], stop = start[i + 1]; e < stop; e++) {
                int j = cols[e];
                if ((j == i - 1 && j >= begin) || (j == i + 1 && j < end)) {
                    continue;
                }
                inflow += rates[e] * x[j];
            }
            if (i > begin) {
                inflow += lower[i] * carried;
            }
            carried = inversePivot[i] == 0.0 ? x[i] : inflow * inversePivot[i];
            work[i - begin] = carried;
        }
        double next = work[end - 1 - begin];
        x[end - 1] = next;
        for (int i = end - 2; i >= begin; i--) {
            next = work[i - begin] + upperOverPivot[i] * next;
            x[i] = next;
        }
    }
}
