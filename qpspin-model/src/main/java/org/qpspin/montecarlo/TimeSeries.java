package org.qpspin.montecarlo;

/**
 * N(t) and m(t) of one replica sampled on the regular grid t_k = k Δt, k = 0 … size − 1, measured from the end
 * of the burn-in: the state in force at t_k (the trajectory is right-continuous). Immutable.
 */
public final class TimeSeries {

    private final double interval;
    private final int[] n;
    private final int[] m;

    TimeSeries(double interval, int[] n, int[] m) {
        this.interval = interval;
        this.n = n;
        this.m = m;
    }

    /** {@return Δt in s} */
    public double interval() {
        return interval;
    }

    /** {@return number of samples} */
    public int size() {
        return n.length;
    }

    /**
     * {@return N(t_k)}
     *
     * @param k the grid point, 0 ≤ k &lt; {@link #size()}
     */
    public int n(int k) {
        return n[k];
    }

    /**
     * {@return m(t_k)}
     *
     * @param k the grid point, 0 ≤ k &lt; {@link #size()}
     */
    public int m(int k) {
        return m[k];
    }

    /** {@return N(t_k) for all k (copy)} */
    public int[] nValues() {
        return n.clone();
    }

    /** {@return m(t_k) for all k (copy)} */
    public int[] mValues() {
        return m.clone();
    }
}
