package org.qpspin.montecarlo;

import java.util.Arrays;

/**
 * Time spent in each state (N, m), in simulated seconds: the time-weighted occupation histogram of a run.
 * Divided by {@link #totalTime()} it estimates the stationary distribution P(N, m) (ergodic theorem for the
 * continuous-time chain).
 *
 * <p>Stored level by level: level N holds the times of m = low(N) … low(N) + width − 1. Immutable.
 */
public final class OccupationHistogram {

    private final int[] lows;
    private final double[][] times;
    private final double totalTime;

    private OccupationHistogram(int[] lows, double[][] times) {
        this.lows = lows;
        this.times = times;
        double sum = 0.0;
        for (double[] level : times) {
            for (double t : level) {
                sum += t;
            }
        }
        totalTime = sum;
    }

    /** Wraps per-level arrays (taken, not copied). */
    static OccupationHistogram ofLevels(int[] lows, double[][] times) {
        return new OccupationHistogram(lows, times);
    }

    /**
     * {@return the sum of two histograms (e.g. of two replicas)}
     *
     * @param other a histogram of the same chain
     */
    public OccupationHistogram plus(OccupationHistogram other) {
        int levels = Math.max(lows.length, other.lows.length);
        int[] newLows = new int[levels];
        double[][] newTimes = new double[levels][];
        for (int n = 0; n < levels; n++) {
            double[] a = n < times.length ? times[n] : new double[0];
            double[] b = n < other.times.length ? other.times[n] : new double[0];
            if (a.length == 0 || b.length == 0) {
                boolean useA = a.length > 0;
                newLows[n] = useA ? lows[n] : (b.length > 0 ? other.lows[n] : 0);
                newTimes[n] = (useA ? a : b).clone();
                continue;
            }
            int lo = Math.min(lows[n], other.lows[n]);
            int hi = Math.max(lows[n] + a.length, other.lows[n] + b.length);
            double[] sum = new double[hi - lo];
            for (int k = 0; k < a.length; k++) {
                sum[lows[n] - lo + k] += a[k];
            }
            for (int k = 0; k < b.length; k++) {
                sum[other.lows[n] - lo + k] += b[k];
            }
            newLows[n] = lo;
            newTimes[n] = sum;
        }
        return new OccupationHistogram(newLows, newTimes);
    }

    /** {@return largest N with recorded time (−1 if empty)} */
    public int maxN() {
        return times.length - 1;
    }

    /** {@return total recorded time in s} */
    public double totalTime() {
        return totalTime;
    }

    /**
     * {@return time spent in (N, m) in s}
     *
     * @param n N, the number of quasiparticles (≥ 0)
     * @param m m, the number of flipped spins (0 ≤ m ≤ ⌊N/2⌋)
     */
    public double time(int n, int m) {
        if (n < 0 || n >= times.length) {
            return 0.0;
        }
        int k = m - lows[n];
        return k >= 0 && k < times[n].length ? times[n][k] : 0.0;
    }

    /**
     * {@return smallest m with recorded time at level N (meaningful when {@link #levelTime(int)} &gt; 0)}
     *
     * @param n N (≥ 0)
     */
    public int lowM(int n) {
        return lows[n];
    }

    /**
     * {@return largest m with recorded time at level N, or lowM − 1 if none}
     *
     * @param n N (≥ 0)
     */
    public int highM(int n) {
        return lows[n] + times[n].length - 1;
    }

    /**
     * {@return time spent at level N in s}
     *
     * @param n N (≥ 0)
     */
    public double levelTime(int n) {
        if (n < 0 || n >= times.length) {
            return 0.0;
        }
        double s = 0.0;
        for (double t : times[n]) {
            s += t;
        }
        return s;
    }

    /** {@return estimated P(N) for N = 0 … maxN: time fractions} */
    public double[] marginalN() {
        double[] p = new double[times.length];
        for (int n = 0; n < p.length; n++) {
            p[n] = levelTime(n) / totalTime;
        }
        return p;
    }

    /** {@return time-averaged ⟨N⟩} */
    public double meanN() {
        double s = 0.0;
        for (int n = 0; n < times.length; n++) {
            s += n * levelTime(n);
        }
        return s / totalTime;
    }

    /** {@return time-averaged Var N (two passes)} */
    public double varianceN() {
        double mean = meanN();
        double s = 0.0;
        for (int n = 0; n < times.length; n++) {
            double d = n - mean;
            s += d * d * levelTime(n);
        }
        return s / totalTime;
    }

    /** {@return time-averaged ⟨m⟩} */
    public double meanM() {
        double s = 0.0;
        for (int n = 0; n < times.length; n++) {
            for (int k = 0; k < times[n].length; k++) {
                s += (lows[n] + k) * times[n][k];
            }
        }
        return s / totalTime;
    }

    @Override
    public String toString() {
        return "OccupationHistogram{maxN=" + maxN() + ", totalTime=" + totalTime + ", <N>=" + meanN() + "}";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OccupationHistogram)) {
            return false;
        }
        OccupationHistogram h = (OccupationHistogram) o;
        return Arrays.equals(lows, h.lows) && Arrays.deepEquals(times, h.times);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lows) + Arrays.deepHashCode(times);
    }
}
