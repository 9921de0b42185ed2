package org.qpspin.dynamics;

import java.util.Arrays;
import org.qpspin.space.StateSpace;

/**
 * The law of the cluster state at t = 0: probabilities on a list of states (N, m), each valid (0 ≤ m ≤ ⌊N/2⌋),
 * non-negative, summing to 1 within 1e-9 (then rescaled to sum to 1 exactly in floating point as far as it goes).
 * Immutable.
 */
public final class StartDistribution {

    private final int[] n;
    private final int[] m;
    private final double[] p;

    private StartDistribution(int[] n, int[] m, double[] p) {
        this.n = n;
        this.m = m;
        this.p = p;
    }

    /**
     * {@return all the mass on (N, m)} @throws IllegalArgumentException for an invalid state
     *
     * @param n N (≥ 0)
     * @param m m, 0 ≤ m ≤ ⌊N/2⌋
     */
    public static StartDistribution pointMass(int n, int m) {
        return of(new int[] {n}, new int[] {m}, new double[] {1.0});
    }

    /**
     * {@return probabilities {@code p[i]} on states ({@code n[i]}, {@code m[i]}); repeated states are added}
     *
     * @param n N of each entry
     * @param m m of each entry
     * @param p the probability of each entry (≥ 0, summing to 1 within 1e-9)
     * @throws IllegalArgumentException for unequal lengths, no states, an invalid state, a negative or non-finite
     *                                  probability, or a sum differing from 1 by more than 1e-9
     */
    public static StartDistribution of(int[] n, int[] m, double[] p) {
        if (n.length != m.length || n.length != p.length || n.length == 0) {
            throw new IllegalArgumentException("start distribution needs equal, non-empty N, m and p lists");
        }
        double sum = 0.0;
        for (int i = 0; i < n.length; i++) {
            if (!StateSpace.isValid(n[i], m[i])) {
                throw new IllegalArgumentException("start state (N=" + n[i] + ", m=" + m[i]
                        + ") is not a state (need N >= 0, 0 <= m <= N/2)");
            }
            if (!(p[i] >= 0.0) || !Double.isFinite(p[i])) {
                throw new IllegalArgumentException("start probability of (N=" + n[i] + ", m=" + m[i] + ") is " + p[i]);
            }
            sum += p[i];
        }
        if (!(Math.abs(sum - 1.0) <= 1e-9)) {
            throw new IllegalArgumentException("start probabilities sum to " + sum + ", not 1");
        }
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i] / sum;
        }
        return new StartDistribution(n.clone(), m.clone(), q);
    }

    /** {@return number of listed states} */
    public int size() {
        return n.length;
    }

    /**
     * {@return N of entry i}
     *
     * @param i an entry, 0 ≤ i &lt; {@link #size()}
     */
    public int n(int i) {
        return n[i];
    }

    /**
     * {@return m of entry i}
     *
     * @param i an entry, 0 ≤ i &lt; {@link #size()}
     */
    public int m(int i) {
        return m[i];
    }

    /**
     * {@return probability of entry i}
     *
     * @param i an entry, 0 ≤ i &lt; {@link #size()}
     */
    public double probability(int i) {
        return p[i];
    }

    /** {@return largest N with positive probability} */
    public int maxN() {
        int best = 0;
        for (int i = 0; i < n.length; i++) {
            if (p[i] > 0) {
                best = Math.max(best, n[i]);
            }
        }
        return best;
    }

    /** {@return largest m with positive probability} */
    public int maxM() {
        int best = 0;
        for (int i = 0; i < m.length; i++) {
            if (p[i] > 0) {
                best = Math.max(best, m[i]);
            }
        }
        return best;
    }

    @Override
    public String toString() {
        if (n.length == 1) {
            return "(N=" + n[0] + ", m=" + m[0] + ")";
        }
        return n.length + " states " + Arrays.toString(Arrays.copyOf(n, Math.min(3, n.length))) + "...";
    }
}
