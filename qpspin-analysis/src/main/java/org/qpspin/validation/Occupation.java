package org.qpspin.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The weighted occupation of states, without time order: how long (or how often) each visited state N (or
 * (N, m)) was occupied. Two kinds:
 * <ul>
 *   <li>{@link Kind#TIME}: the dwell time of each state, summed over one or more stationary trajectories of total
 *       length T (from the jump times of event-sampled series, or {@code qpspin simulate --histogram}). The
 *       fraction of T spent in a set of states estimates its probability; its variance is fixed by the chain's
 *       exact long-run covariance (T Var f̄ → S_f(0) for the time average f̄ of any f(N, m)), so the tests take it
 *       from the exact chain ({@link ExactDistribution#withLongRunCovariance});</li>
 *   <li>{@link Kind#COUNT}: how many samples were found in each state (a histogram of counts); the samples are
 *       taken as independent draws, so the fractions are multinomial.</li>
 * </ul>
 * Immutable; the rows are distinct states in any order (a state given twice is summed).
 */
public final class Occupation {

    /** What the weights are. */
    public enum Kind {
        /** Dwell times in seconds, of continuous-time trajectories. */
        TIME,
        /** Counts of independent samples. */
        COUNT
    }

    private final Kind kind;
    private final int[] n;
    private final int[] m; // null when m is absent
    private final double[] weight;
    private final double total;
    private final long rows;

    private Occupation(Kind kind, int[] n, int[] m, double[] weight, long rows) {
        this.kind = kind;
        this.n = n;
        this.m = m;
        this.weight = weight;
        this.rows = rows;
        double s = 0.0;
        for (double w : weight) {
            s += w;
        }
        total = s;
    }

    /**
     * The occupation from rows (N, m or null, weight); the arrays are copied. Rows of zero weight are kept out.
     *
     * @param kind what the weights are
     * @param n N of each row, ≥ 0
     * @param m m of each row (0 ≤ m ≤ ⌊N/2⌋), or null when m is not given
     * @param weight the dwell time in s ({@link Kind#TIME}) or the count ({@link Kind#COUNT}) of each row, finite
     *               and ≥ 0 (whole numbers for counts)
     * @param rows how many records the weights summarize (jumps, histogram rows), for the report
     * @return the occupation of the rows of positive weight, in the given order
     * @throws IllegalArgumentException for an invalid state or weight, mismatched lengths, or a zero total
     * @throws NullPointerException if {@code kind} is null
     */
    public static Occupation of(Kind kind, int[] n, int[] m, double[] weight, long rows) {
        Objects.requireNonNull(kind, "kind");
        if (weight.length != n.length || (m != null && m.length != n.length)) {
            throw new IllegalArgumentException("rows of N, m and weight differ in number");
        }
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < n.length; k++) {
            if (n[k] < 0 || (m != null && (m[k] < 0 || 2 * m[k] > n[k]))) {
                throw new IllegalArgumentException("row " + k + ": (N=" + n[k] + (m == null ? "" : ", m=" + m[k])
                        + ") is not a valid state");
            }
            double w = weight[k];
            if (!(w >= 0.0) || !Double.isFinite(w) || (kind == Kind.COUNT && w != Math.rint(w))) {
                throw new IllegalArgumentException("row " + k + ": weight " + w + " is not a "
                        + (kind == Kind.COUNT ? "whole number >= 0" : "finite time >= 0"));
            }
            if (w > 0.0) {
                keep.add(k);
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("no samples: every weight is 0");
        }
        int[] ns = new int[keep.size()];
        int[] ms = m == null ? null : new int[keep.size()];
        double[] ws = new double[keep.size()];
        for (int i = 0; i < ns.length; i++) {
            int k = keep.get(i);
            ns[i] = n[k];
            if (ms != null) {
                ms[i] = m[k];
            }
            ws[i] = weight[k];
        }
        return new Occupation(kind, ns, ms, ws, rows);
    }

    /**
     * The time-weighted occupation of piecewise-constant trajectories given by their jump times: row k of a series
     * holds from t_k until t_{k+1}; each series' last row (whose end is not recorded) carries no time, so the
     * series covers [t_0, t_last]. Series are independent trajectories; their lengths add up to T.
     *
     * @param nSeries N of each row, per series
     * @param mSeries m of each row, per series, or null
     * @param times the strictly increasing times of each row, per series
     * @return a {@link Kind#TIME} occupation: row k of each series weighted by t_{k+1} − t_k (s); {@link #rows()}
     *     counts every row given, the last rows included
     * @throws IllegalArgumentException for mismatched lengths, non-increasing times, an invalid state, or no time
     *     at all (every series a single row)
     */
    public static Occupation ofJumps(List<int[]> nSeries, List<int[]> mSeries, List<double[]> times) {
        int rows = 0;
        for (int[] s : nSeries) {
            rows += s.length;
        }
        int[] n = new int[rows];
        int[] m = mSeries == null ? null : new int[rows];
        double[] w = new double[rows];
        int r = 0;
        for (int s = 0; s < nSeries.size(); s++) {
            int[] ns = nSeries.get(s);
            double[] t = times.get(s);
            if (t.length != ns.length) {
                throw new IllegalArgumentException("series " + s + ": " + ns.length + " states but " + t.length
                        + " times");
            }
            for (int k = 0; k < ns.length; k++, r++) {
                n[r] = ns[k];
                if (m != null) {
                    m[r] = mSeries.get(s)[k];
                }
                if (k + 1 < ns.length) {
                    double dwell = t[k + 1] - t[k];
                    if (!(dwell > 0.0)) {
                        throw new IllegalArgumentException("series " + s + ": time " + t[k + 1]
                                + " does not increase");
                    }
                    w[r] = dwell;
                }
            }
        }
        return of(Kind.TIME, n, m, w, rows);
    }

    /** {@return what the weights are} */
    public Kind kind() {
        return kind;
    }

    /** {@return whether the weights are dwell times (else counts of independent samples)} */
    public boolean timeWeighted() {
        return kind == Kind.TIME;
    }

    /** {@return whether m is given} */
    public boolean hasM() {
        return m != null;
    }

    /** {@return the total weight: T in s for {@link Kind#TIME}, the number of samples for {@link Kind#COUNT}} */
    public double total() {
        return total;
    }

    /** {@return how many records the weights summarize (jumps or histogram rows)} */
    public long rows() {
        return rows;
    }

    /** {@return the number of distinct weighted rows} */
    public int size() {
        return n.length;
    }

    /**
     * {@return N of row i}
     *
     * @param i the row, in [0, {@link #size()})
     */
    public int n(int i) {
        return n[i];
    }

    /**
     * {@return m of row i (0 when m is absent, see {@link #hasM()})}
     *
     * @param i the row, in [0, {@link #size()})
     */
    public int m(int i) {
        return m == null ? 0 : m[i];
    }

    /**
     * {@return the weight of row i (&gt; 0): its dwell time in s for {@link Kind#TIME}, its count for
     * {@link Kind#COUNT}}
     *
     * @param i the row, in [0, {@link #size()})
     */
    public double weight(int i) {
        return weight[i];
    }

    /** {@return the largest N with a positive weight} */
    public int maxN() {
        int max = 0;
        for (int v : n) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** {@return the fraction of the total weight at N = 0 … {@link #maxN()}} */
    public double[] fractionN() {
        double[] f = new double[maxN() + 1];
        for (int i = 0; i < n.length; i++) {
            f[n[i]] += weight[i] / total;
        }
        return f;
    }

    @Override
    public String toString() {
        return kind + " occupation of " + n.length + " rows, total " + total + ", N up to " + maxN()
                + (m == null ? "" : ", with m");
    }
}
