package org.qpspin.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.qpspin.montecarlo.MonteCarloResult;
import org.qpspin.montecarlo.ReplicaResult;

/**
 * Samples of N (and optionally m) to be tested against the exact stationary law: one or more series, each in
 * its own order (successive samples of one series may be correlated; different series are independent, e.g.
 * replicas), optionally on a regular time grid of spacing {@link #interval()}.
 *
 * <p>Immutable. Every N is ≥ 0 and, when m is given, 0 ≤ m ≤ ⌊N/2⌋.
 */
public final class Samples {

    private final List<int[]> n;
    private final List<int[]> m; // null when m is absent
    private final double interval;
    private final long size;

    private Samples(List<int[]> n, List<int[]> m, double interval) {
        this.n = Collections.unmodifiableList(n);
        this.m = m == null ? null : Collections.unmodifiableList(m);
        this.interval = interval;
        long s = 0;
        for (int[] series : n) {
            s += series.length;
        }
        size = s;
        if (s == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    /**
     * Series of N (and m, or {@code null}) with grid spacing {@code interval} in s (NaN: no time information).
     * The arrays are taken, not copied (the lists are).
     *
     * @param nSeries N of each sample, one array per independent series (each N ≥ 0)
     * @param mSeries m of each sample, one array per series, as long as the N array (0 ≤ m ≤ ⌊N/2⌋); or null
     *     when m is not given
     * @param interval the grid spacing Δt in s (finite, &gt; 0), or NaN for samples without time information
     * @return the samples
     * @throws IllegalArgumentException for an invalid state, mismatched lengths, or no samples at all
     */
    public static Samples of(List<int[]> nSeries, List<int[]> mSeries, double interval) {
        if (mSeries != null && mSeries.size() != nSeries.size()) {
            throw new IllegalArgumentException("N and m have different numbers of series");
        }
        if (!Double.isNaN(interval) && !(interval > 0.0 && Double.isFinite(interval))) {
            throw new IllegalArgumentException("sample interval must be finite and > 0 s (or NaN), got " + interval);
        }
        for (int s = 0; s < nSeries.size(); s++) {
            int[] ns = nSeries.get(s);
            int[] ms = mSeries == null ? null : mSeries.get(s);
            if (ms != null && ms.length != ns.length) {
                throw new IllegalArgumentException("series " + s + ": " + ns.length + " values of N but " + ms.length
                        + " of m");
            }
            for (int k = 0; k < ns.length; k++) {
                if (ns[k] < 0) {
                    throw new IllegalArgumentException("series " + s + ", sample " + k + ": N = " + ns[k] + " < 0");
                }
                if (ms != null && (ms[k] < 0 || 2 * ms[k] > ns[k])) {
                    throw new IllegalArgumentException("series " + s + ", sample " + k + ": (N=" + ns[k] + ", m="
                            + ms[k] + ") is not a valid state (0 <= m <= N/2)");
                }
            }
        }
        return new Samples(new ArrayList<>(nSeries), mSeries == null ? null : new ArrayList<>(mSeries), interval);
    }

    /**
     * {@return the grid time series of a simulation, one series per replica}, N and m on the simulation's sample
     * interval.
     *
     * @param result a Monte Carlo run with at least one sample
     * @throws IllegalArgumentException when the run holds no samples
     */
    public static Samples of(MonteCarloResult result) {
        List<int[]> ns = new ArrayList<>();
        List<int[]> ms = new ArrayList<>();
        for (ReplicaResult r : result.replicas()) {
            ns.add(r.series().nValues());
            ms.add(r.series().mValues());
        }
        return of(ns, ms, result.settings().sampleInterval());
    }

    /** {@return the number of independent series (replicas, runs)} */
    public int seriesCount() {
        return n.size();
    }

    /**
     * {@return N of series s, in sample order (read only, not copied)}
     *
     * @param s the series, in [0, {@link #seriesCount()})
     */
    public int[] n(int s) {
        return n.get(s);
    }

    /**
     * {@return m of series s, in sample order (read only, not copied), or null when m is absent}
     *
     * @param s the series, in [0, {@link #seriesCount()})
     */
    public int[] m(int s) {
        return m == null ? null : m.get(s);
    }

    /** {@return whether m is given} */
    public boolean hasM() {
        return m != null;
    }

    /** {@return the grid spacing Δt in s, NaN when the samples carry no times} */
    public double interval() {
        return interval;
    }

    /** {@return whether the samples lie on a regular time grid (the time-series tests need one)} */
    public boolean hasInterval() {
        return !Double.isNaN(interval);
    }

    /** {@return the total number of samples over all series (&gt; 0)} */
    public long size() {
        return size;
    }

    /** {@return the largest N over all samples} */
    public int maxN() {
        int max = 0;
        for (int[] s : n) {
            for (int v : s) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
